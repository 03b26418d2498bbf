/**
 * @module `$select` and default properties. Each entity type names every property it has and those returned
 * without `$select` (for users only a few: entra-api.md §4, so `accountEnabled`, `createdDateTime` and the rest
 * need `$select`). An unknown name answers 400 as Graph does; `id` is returned only when selected (the reference
 * leaves this open; clients are told to always select it).
 */
import { badRequest, GraphError } from '../wire/graph-error.js';

export interface EntityShape {
  /** `microsoft.graph.user`. */
  readonly typeName: string;
  readonly properties: readonly string[];
  readonly defaults: readonly string[];
  /** Properties that exist but cannot be read in this tenant (e.g. `signInActivity` without P1/P2). */
  readonly refused?: Readonly<Record<string, GraphError>>;
}

/** The canonical property names asked for, or `undefined` when `$select` is absent. */
export function parseSelect(raw: string | undefined, shapes: readonly EntityShape[]): string[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) return undefined;
  const selected: string[] = [];
  for (const name of names) {
    if (name === '*') {
      selected.push(...(shapes[0]?.properties ?? []));
      continue;
    }
    let canonical: string | undefined;
    for (const shape of shapes) {
      canonical ??= shape.properties.find((property) => property.toLowerCase() === name.toLowerCase());
    }
    if (canonical === undefined) {
      throw badRequest(
        `Could not find a property named '${name}' on type '${shapes[0]?.typeName ?? 'entity'}'.`,
      );
    }
    for (const shape of shapes) {
      const refusal = shape.refused?.[canonical];
      if (refusal !== undefined) throw refusal;
    }
    if (!selected.includes(canonical)) selected.push(canonical);
  }
  return selected;
}

/** The record's wire view cut down to the selected (or default) properties, in the type's property order. */
export function project(
  view: Readonly<Record<string, unknown>>,
  shape: EntityShape,
  selected: readonly string[] | undefined,
): Record<string, unknown> {
  const wanted = selected ?? shape.defaults;
  const out: Record<string, unknown> = {};
  for (const property of shape.properties) {
    if (wanted.includes(property) && property in view) out[property] = view[property];
  }
  return out;
}

/** `users(id,displayName)` for `@odata.context` when `$select` is used. */
export function contextSuffix(selected: readonly string[] | undefined): string {
  return selected === undefined ? '' : `(${selected.join(',')})`;
}

export function premiumRequired(): GraphError {
  return new GraphError(
    403,
    'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
    "Neither tenant is B2C or tenant doesn't have premium license",
  );
}
