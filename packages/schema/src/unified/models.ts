/**
 * @module Every unified model, by URL name, and lookups into them for the engine, the API and the test kit.
 */
import type { FilterDefinition } from './filter.js';
import {
  type UnifiedModelDefinition,
  type UnifiedResourceDefinition,
  writeOnlyFieldsOf,
} from './unified-resource.js';
import { USER_DIRECTORY_MODEL } from './user-directory.js';

export const UNIFIED_MODEL_DEFINITIONS: readonly UnifiedModelDefinition[] = [USER_DIRECTORY_MODEL];

/** The definition of `model`/`resource`, or undefined when the contract has no such resource. */
export function unifiedResourceDefinition(
  model: string,
  resource: string,
): UnifiedResourceDefinition | undefined {
  return UNIFIED_MODEL_DEFINITIONS.find((m) => m.name === model)?.resources.find((r) => r.name === resource);
}

/** The contract's definition of one filter of a unified list, or undefined. */
export function unifiedFilterDefinition(
  model: string,
  resource: string,
  filter: string,
): FilterDefinition | undefined {
  return unifiedResourceDefinition(model, resource)?.filters.find((f) => f.name === filter);
}

const ALL_WRITE_ONLY = new Set(
  UNIFIED_MODEL_DEFINITIONS.flatMap((m) => m.resources.flatMap((r) => [...writeOnlyFieldsOf(r)])),
);

/**
 * Fields of `model`/`resource` that are accepted on writes but never echoed back. For a resource the contract does
 * not define, every write-only field of every model: a `password` is never echoed, whatever the resource.
 */
export function writeOnlyFields(model: string, resource: string): ReadonlySet<string> {
  const definition = unifiedResourceDefinition(model, resource);
  return definition === undefined ? ALL_WRITE_ONLY : writeOnlyFieldsOf(definition);
}
