/**
 * @module The named placeholders of a resource method: plain names such as `{{ user_id }}` in its path, query
 * or headers, besides the engine's own `{{ id }}`, `{{ parent.… }}` and `{{ connection.… }}`. The Proxy API
 * fills them from query parameters of the same name.
 */
import type { ResourceMethod } from '@switchboard/schema';
import { InvalidInput } from '../errors.js';
import { templateReferences } from '../mapping/template.js';
import type { CallTarget } from './call-target.js';
import { RESERVED_PLACEHOLDERS } from './upstream-address.js';

const found = new WeakMap<ResourceMethod, readonly string[]>();

export function namedPlaceholders(definition: ResourceMethod): readonly string[] {
  let names = found.get(definition);
  if (names === undefined) {
    names = placeholdersOf(definition);
    found.set(definition, names);
  }
  return names;
}

function placeholdersOf(definition: ResourceMethod): string[] {
  const templates = [
    definition.path,
    ...Object.values(definition.query ?? {}),
    ...Object.values(definition.headers ?? {}),
  ];
  const names = new Set<string>();
  for (const template of templates)
    for (const reference of templateReferences(template))
      if (!reference.includes('.') && !RESERVED_PLACEHOLDERS.has(reference)) names.add(reference);
  return [...names];
}

/**
 * Splits the caller's query into the named placeholders' values and what is forwarded upstream. Every missing
 * one is named in one 400.
 */
export function takeNamedPlaceholders(
  target: CallTarget,
  query: Record<string, string>,
): { named: Record<string, string>; rest: Record<string, string> } {
  const names = namedPlaceholders(target.definition);
  const named: Record<string, string> = {};
  const rest: Record<string, string> = { ...query };
  const missing: string[] = [];
  for (const name of names) {
    const value = Object.hasOwn(query, name) ? query[name] : undefined;
    if (value === undefined || value === '') missing.push(name);
    else named[name] = value;
    delete rest[name];
  }
  if (missing.length > 0) {
    throw new InvalidInput(
      `${target.label} needs the query parameter(s) ${missing.join(', ')} (they fill its path)`,
      { details: { resource: target.resource, method: target.method, missing } },
    );
  }
  return { named, rest };
}
