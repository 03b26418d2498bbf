/**
 * @module The mapping sites of a resolved operation: where each of its expressions is, for evaluation and
 * for `MappingFailed` locations.
 */
import type { MappingSite } from '../mapping/mapping-failure.js';
import type { ResolvedOperation } from './resolve-operation.js';

export type OperationField = keyof ResolvedOperation['expressions'];

/** The site of `field`, or undefined when the operation has no such expression. */
export function siteOf(operation: ResolvedOperation, field: OperationField): MappingSite | undefined {
  const pointer = operation.expressions[field];
  return pointer === undefined ? undefined : siteAt(operation, pointer, field);
}

export function siteAt(operation: ResolvedOperation, pointer: string, what: string): MappingSite {
  return {
    integration: operation.integration,
    pointer,
    what: `${operation.resource}.${operation.method} ${what}`,
    details: {
      model: operation.model,
      resource: operation.resource,
      method: operation.method,
      upstream_resource: operation.call.resource,
    },
  };
}
