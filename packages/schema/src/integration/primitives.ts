/**
 * @module Building blocks shared by every part of the integration file schema.
 */
import type { Static, StringOptions, TSchema, TUnion } from '@sinclair/typebox';
import { Type } from '../typebox.js';

/** A closed object: unknown keys are errors (the loader suggests the nearest valid key). */
export const Closed = { additionalProperties: false } as const;

/**
 * A union discriminated by `type:`. Emitted as `oneOf` + `discriminator` so that a mistake inside one variant
 * yields one error about that variant, not one error per variant.
 */
export function TaggedUnion<T extends TSchema[]>(variants: [...T], options: { description?: string } = {}) {
  return Type.Unsafe<Static<TUnion<T>>>({
    ...options,
    type: 'object',
    required: ['type'],
    oneOf: variants,
    discriminator: { propertyName: 'type' },
  });
}

/**
 * A JSONata expression, compiled once at load with guardrails. Marked with `x-jsonata` so the loader finds every
 * expression through the schema rather than through a hand-kept list.
 */
export function Expression(description: string, options: StringOptions = {}) {
  return Type.String({ ...options, description, minLength: 1, 'x-jsonata': true });
}

/**
 * A string template: literal text with `{{ connection.<field> }}`, `{{ token.<field> }}`, `{{ id }}` or
 * `{{ parent.<field> }}` placeholders. Templates always render strings; typed values come from JSONata only.
 */
export function Template(description: string, options: StringOptions = {}) {
  return Type.String({ ...options, description, 'x-template': true });
}

/** A duration such as `500ms`, `30s`, `15m` or `1h`. */
export const Duration = Type.String({
  pattern: '^[0-9]+(ms|s|m|h)$',
  description: 'A duration: a whole number followed by ms, s, m or h (e.g. `500ms`, `30s`, `1h`).',
  examples: ['500ms', '30s', '1h'],
});

/** A closed set of strings, emitted as a JSON Schema `enum` (one clear error instead of one per literal). */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string; default?: T[number] } = {},
) {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

export const HttpMethod = StringEnum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], {
  description: 'HTTP method.',
});
export type HttpMethod = Static<typeof HttpMethod>;

/** Where a value is sent in a request. */
export const RequestLocation = StringEnum(['query', 'header', 'body'], {
  description:
    'Where the value goes: a query parameter, a request header, or a top-level field of a JSON body.',
});
export type RequestLocation = Static<typeof RequestLocation>;

/** A map of names to templates (query parameters, headers, JSON body fields). */
export const TemplateMap = Type.Record(Type.String({ minLength: 1 }), Template('A templated value.'), {
  description: 'Names mapped to templated string values.',
});
