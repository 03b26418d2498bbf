import type { PaginationScheme, ResourceMethod } from '@switchboard/schema';
import { describe, expect, it } from 'vitest';
import { recordsKey } from './records-key.js';

const list = (records?: string): ResourceMethod => ({
  method: 'GET',
  path: '/v1/items',
  ...(records === undefined ? {} : { records }),
});
const cursorIn = (path: string): PaginationScheme => ({
  type: 'cursor',
  cursor: { type: 'body', path },
  request: { in: 'query', name: 'cursor' },
});
const byHeader: PaginationScheme = {
  type: 'cursor',
  cursor: { type: 'header', name: 'After-Cursor' },
  request: { in: 'query', name: 'cursor' },
};

describe('recordsKey', () => {
  it('finds records that are the body itself or one key of it', () => {
    expect(recordsKey(list(), byHeader)).toBeNull();
    expect(recordsKey(list('$'), undefined)).toBeNull();
    expect(recordsKey(list(' value '), cursorIn('`@odata.nextLink`'))).toBe('value');
    expect(recordsKey(list('data'), cursorIn('pagination.after_cursor'))).toBe('data');
  });

  it('gives up where the records are computed or not a plain key', () => {
    for (const records of [
      'data.users',
      'data[active]',
      '$.data',
      'items ~> $filter(…)',
      'true',
      '__proto__',
    ]) {
      expect(recordsKey(list(records), undefined), records).toBeUndefined();
    }
  });

  it('gives up where paging could read the records themselves', () => {
    // A root array: any body path is read from the records.
    expect(recordsKey(list(), cursorIn('$[-1].id'))).toBeUndefined();
    // A path naming the records' key, a wildcard or a function.
    expect(recordsKey(list('data'), cursorIn('data[-1].id'))).toBeUndefined();
    expect(recordsKey(list('data'), cursorIn('*.next'))).toBeUndefined();
    expect(recordsKey(list('data'), cursorIn('$string(next)'))).toBeUndefined();
    // A quoted field name with escapes: JSONata reads `"d\u0061ta"` (or `'d\u0061ta'`) as the field `data`.
    expect(recordsKey(list('data'), cursorIn('"d\\u0061ta"[-1].id'))).toBeUndefined();
    expect(recordsKey(list('data'), cursorIn("$.'d\\u0061ta'[-1].id"))).toBeUndefined();
    // A stop rule given `$records`.
    const stop: PaginationScheme = {
      ...byHeader,
      stop: [{ type: 'expression', expression: '$count($records) < 2' }],
    };
    expect(recordsKey(list('data'), stop)).toBeUndefined();
    // A key that only contains the records' key as part of a longer name is someone else's.
    expect(recordsKey(list('data'), cursorIn('metadata.next'))).toBe('data');
  });
});
