import { describe, expect, it } from 'vitest';
import { goldenDiff } from './golden-diff.js';

describe('goldenDiff', () => {
  it('names the record and the field that changed', () => {
    const expected = {
      records: [
        { id: '1', first_name: 'Ann', emails: [{ email: 'a@x' }] },
        { id: '2', first_name: 'Bo' },
      ],
    };
    const actual = {
      records: [
        { id: '1', first_name: 'Lee', emails: [{ email: 'a@x' }] },
        { id: '2', first_name: 'Bo' },
      ],
    };
    expect(goldenDiff(expected, actual)).toEqual([
      'record id 1: field first_name: expected "Ann", got "Lee"',
    ]);
  });

  it('reports missing and unexpected records', () => {
    expect(goldenDiff({ records: [{ id: '1' }] }, { records: [{ id: '2' }] })).toEqual([
      'record id 1: missing from the output',
      'record 2: not expected in the output',
    ]);
  });

  it('compares errors by code and status', () => {
    expect(goldenDiff({ error: { code: 'A', status: 404 } }, { error: { code: 'A', status: 404 } })).toEqual(
      [],
    );
    expect(goldenDiff({ error: { code: 'A', status: 404 } }, { record: { id: '1' } })).toHaveLength(1);
  });
});
