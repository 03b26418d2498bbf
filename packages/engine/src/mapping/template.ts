/**
 * @module String templates: `{{ connection.subdomain }}`, `{{ token.access_token }}`, `{{ id }}`, `{{ parent.id }}`.
 * Templates always render strings; a missing value is an error, never an empty string.
 */

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*(?:\.[a-zA-Z0-9_]+)*)\s*\}\}/g;

/** The names a template refers to, e.g. `['connection.subdomain']`. */
export function templateReferences(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

export type TemplateScope = Record<string, unknown>;

export interface RenderOptions {
  /** Applied to each substituted value (e.g. `encodeURIComponent` inside a path). */
  encode?: (value: string) => string;
}

/** Thrown when a placeholder has no value; carries the reference, never the scope. */
export class MissingTemplateValue extends Error {
  constructor(readonly reference: string) {
    super(`template value "${reference}" is missing`);
  }
}

function lookup(scope: TemplateScope, reference: string): unknown {
  let value: unknown = scope;
  for (const key of reference.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Renders a template against a scope such as `{ connection, token, id, parent }`. */
export function renderTemplate(template: string, scope: TemplateScope, options: RenderOptions = {}): string {
  return template.replace(PLACEHOLDER, (_match, reference: string) => {
    const value = lookup(scope, reference);
    if (value === undefined || value === null || typeof value === 'object')
      throw new MissingTemplateValue(reference);
    const text = String(value);
    return options.encode ? options.encode(text) : text;
  });
}
