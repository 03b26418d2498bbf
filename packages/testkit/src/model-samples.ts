/**
 * @module What the conformance kit needs to know about each unified model to exercise any integration of it:
 * sample write bodies, how to pick a filter value from a record, and how to check that a record satisfies a filter.
 * Model knowledge only — nothing here is specific to one integration. What a filter means comes from its
 * definition in @switchboard/schema; the write bodies are this kit's own data.
 */
import {
  type FilterDefinition,
  filterValuesOf,
  recordMatchesFilter,
  UNIFIED_MODEL_DEFINITIONS,
} from '@switchboard/schema';

type UnifiedRecord = Record<string, unknown>;

export interface FilterSample {
  /** A value for the filter, taken from a record of the unfiltered list. */
  pick(record: UnifiedRecord): string | undefined;
  /** True when `record` satisfies the filter with `value`. */
  holds(record: UnifiedRecord, value: string): boolean;
}

/** From the filter's definition in @switchboard/schema: which fields it tests and how it compares. */
function sampleOf(filter: FilterDefinition): FilterSample {
  return {
    pick: (record) => filterValuesOf(filter, record)[0],
    holds: (record, value) => recordMatchesFilter(filter, record, value),
  };
}

/** Every contract filter of every unified resource, by resource and filter name. */
export const FILTER_SAMPLES: Record<string, Record<string, FilterSample>> = Object.fromEntries(
  UNIFIED_MODEL_DEFINITIONS.flatMap((model) => model.resources)
    .filter((resource) => resource.filters.length > 0)
    .map((resource) => [
      resource.name,
      Object.fromEntries(resource.filters.map((filter) => [filter.name, sampleOf(filter)])),
    ]),
);

/** Bodies for writes. `{{run}}` is replaced with a per-recording suffix so re-recording never collides. */
export const WRITE_SAMPLES: Record<string, { create?: UnifiedRecord; update?: UnifiedRecord }> = {
  users: {
    create: {
      username: 'conformance.{{run}}',
      first_name: 'Conformance',
      last_name: 'Check',
      emails: [{ email: 'conformance.{{run}}@example.com', type: 'work', is_primary: true }],
      title: 'Recorded user',
      department: 'Quality',
    },
    update: { title: 'Updated by conformance', status: 'suspended' },
  },
  roles: {
    create: { name: 'Conformance role {{run}}' },
    update: { name: 'Conformance role {{run}} renamed' },
  },
};
