import { describe, expect, it } from 'vitest';
import { filterValuesOf, recordMatchesFilter } from './filter-match.js';
import { filterValueProblem } from './filter-value.js';
import { unifiedFilterDefinition } from './models.js';

const filter = (resource: string, name: string) => {
  const definition = unifiedFilterDefinition('user-directory', resource, name);
  if (definition === undefined) throw new Error(`no filter ${resource}.${name}`);
  return definition;
};

describe('filter values', () => {
  it('accepts only the closed values of an enum filter, naming them', () => {
    expect(filterValueProblem(filter('users', 'status'), 'suspended')).toBeUndefined();
    expect(filterValueProblem(filter('users', 'status'), 'disabled')).toBe(
      'must be one of active, invited, suspended, locked, deleted',
    );
    expect(filterValueProblem(filter('activities', 'action'), 'group_member_added')).toBeUndefined();
  });

  it('accepts an ISO-8601 date-time with a time zone for a time bound, and nothing vaguer', () => {
    const since = filter('users', 'updated_at[gte]');
    expect(filterValueProblem(since, '2026-01-31T00:00:00Z')).toBeUndefined();
    expect(filterValueProblem(since, '2026-01-31T00:00:00.250+02:00')).toBeUndefined();
    for (const vague of ['2026-01-31', 'yesterday', '2026-01-31T00:00:00', '2026-13-45T00:00:00Z'])
      expect(filterValueProblem(since, vague), vague).toMatch(/ISO-8601 date-time/);
  });

  it('refuses an empty value (it would leave the list unfiltered)', () => {
    expect(filterValueProblem(filter('users', 'email'), ' ')).toBe('has no value');
  });
});

describe('what a filter means on a record', () => {
  const ann = {
    id: '1',
    username: 'ann',
    emails: [
      { email: 'ann@home.test', type: 'personal' },
      { email: 'Ann.Lee@Work.test', type: 'work' },
    ],
    updated_at: '2026-02-01T10:00:00Z',
  };

  it('matches an email against any of the user’s addresses, ignoring case', () => {
    expect(recordMatchesFilter(filter('users', 'email'), ann, 'ann.lee@work.test')).toBe(true);
    expect(recordMatchesFilter(filter('users', 'email'), ann, 'bob@work.test')).toBe(false);
    expect(filterValuesOf(filter('users', 'email'), ann)).toEqual(['ann@home.test', 'Ann.Lee@Work.test']);
  });

  it('compares time bounds as instants: [gte] inclusive, [lt] exclusive', () => {
    expect(recordMatchesFilter(filter('users', 'updated_at[gte]'), ann, '2026-02-01T11:00:00+01:00')).toBe(
      true,
    );
    expect(recordMatchesFilter(filter('users', 'updated_at[gte]'), ann, '2026-02-01T10:00:01Z')).toBe(false);
    const activity = { id: 'a', created_at: '2026-02-01T10:00:00Z' };
    expect(
      recordMatchesFilter(filter('activities', 'created_at[lt]'), activity, '2026-02-01T10:00:00Z'),
    ).toBe(false);
  });

  it('matches an activity’s user_id on the actor or the target', () => {
    const userId = filter('activities', 'user_id');
    const byAnn = { id: 'a', created_at: '2026-02-01T10:00:00Z', actor: { type: 'user', id: 'u1' } };
    const toAnn = { id: 'b', created_at: '2026-02-01T10:00:00Z', target: { type: 'user', id: 'u1' } };
    expect(recordMatchesFilter(userId, byAnn, 'u1')).toBe(true);
    expect(recordMatchesFilter(userId, toAnn, 'u1')).toBe(true);
    expect(recordMatchesFilter(userId, toAnn, 'u2')).toBe(false);
  });

  it('never matches a record without the field', () => {
    expect(recordMatchesFilter(filter('users', 'username'), { id: '2' }, 'ann')).toBe(false);
  });
});
