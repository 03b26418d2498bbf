/**
 * @module Building blocks of the unified models. Nested objects and enums carry a `title`: it is the name the
 * generated SDK types use (`packages/sdk/scripts/`), so a shape shared by several fields is one named type there.
 */
import type { TSchema } from '@sinclair/typebox';
import { Type } from '../typebox.js';

/** ISO-8601 UTC date-time. */
export const DateTime = Type.String({ format: 'date-time' });

/** Any JSON object: upstream custom attributes, or the upstream record itself. */
export function JsonObject(description: string) {
  return Type.Record(Type.String(), Type.Unknown(), { description });
}

/**
 * Every record carries the upstream record exactly as received (absent when listed with `remote_data=false`).
 * Not constrained to an object: some upstreams answer a write with a list (OneLogin's role members).
 */
export const RemoteData = Type.Unknown({
  description:
    'The upstream record exactly as received (usually an object); absent when listed with `remote_data=false`.',
});

/** A related object, nested as `{ id, name? }`. */
export const Ref = Type.Object(
  { id: Type.String(), name: Type.Optional(Type.String()) },
  { title: 'Ref', additionalProperties: false, description: 'A related object, nested as `{ id, name? }`.' },
);

/**
 * A closed set of strings with a name: one JSON Schema `enum` (one clear error, not one per literal), emitted
 * once as a named type and a value list in the SDK.
 */
export function NamedEnum<const T extends readonly string[]>(title: string, values: T, description?: string) {
  return Type.Unsafe<T[number]>({
    title,
    type: 'string',
    enum: [...values],
    ...(description === undefined ? {} : { description }),
  });
}

/** The values of a `NamedEnum` (or any string `enum` schema). */
export function enumValues(schema: TSchema): readonly string[] {
  const values = (schema as { enum?: unknown }).enum;
  return Array.isArray(values) ? (values as string[]) : [];
}
