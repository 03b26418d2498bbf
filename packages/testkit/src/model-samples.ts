/**
 * @module What the conformance kit needs to know about each unified model to exercise any integration of it:
 * sample write bodies, how to pick a filter value from a record, and how to check that a record satisfies a filter.
 * Model knowledge only — nothing here is specific to one integration.
 */

type UnifiedRecord = Record<string, unknown>;

export interface FilterSample {
  /** A value for the filter, taken from a record of the unfiltered list. */
  pick(record: UnifiedRecord): string | undefined;
  /** True when `record` satisfies the filter with `value`. */
  holds(record: UnifiedRecord, value: string): boolean;
}

const field = (name: string) => (record: UnifiedRecord) => {
  const value = record[name];
  return typeof value === 'string' ? value : undefined;
};
const equals = (name: string): FilterSample => ({ pick: field(name), holds: (r, v) => r[name] === v });
const atLeast = (name: string): FilterSample => ({
  pick: field(name),
  holds: (r, v) => typeof r[name] === 'string' && Date.parse(r[name] as string) >= Date.parse(v),
});
const before = (name: string): FilterSample => ({
  pick: field(name),
  holds: (r, v) => typeof r[name] === 'string' && Date.parse(r[name] as string) < Date.parse(v),
});
const ref = (record: UnifiedRecord, name: string) => (record[name] as { id?: string } | undefined)?.id;

export const FILTER_SAMPLES: Record<string, Record<string, FilterSample>> = {
  users: {
    email: {
      pick: (r) => (r['emails'] as { email: string }[] | undefined)?.[0]?.email,
      holds: (r, v) =>
        ((r['emails'] as { email: string }[] | undefined) ?? []).some(
          (e) => e.email.toLowerCase() === v.toLowerCase(),
        ),
    },
    username: equals('username'),
    status: equals('status'),
    'updated_at[gte]': atLeast('updated_at'),
    'created_at[gte]': atLeast('created_at'),
  },
  activities: {
    'created_at[gte]': atLeast('created_at'),
    // A strict upper bound: the sample's own timestamp excludes the sample, so pick the newest record's time.
    'created_at[lt]': before('created_at'),
    action: equals('action'),
    user_id: {
      pick: (r) => ref(r, 'target') ?? ref(r, 'actor'),
      holds: (r, v) => ref(r, 'target') === v || ref(r, 'actor') === v,
    },
  },
  role_assignments: {
    user_id: equals('user_id'),
    role_id: equals('role_id'),
  },
};

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
