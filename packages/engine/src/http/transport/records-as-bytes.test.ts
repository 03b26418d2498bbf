import { describe, expect, it } from 'vitest';
import { parseBody } from './parse-body.js';
import { pageBytesOf } from './raw-json.js';
import { parseRecordsAsBytes, RawRecord } from './records-as-bytes.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const context = { label: 'users.list', status: 200 };

function bytesOf(record: unknown): string {
  expect(record).toBeInstanceOf(RawRecord);
  const raw = record as RawRecord;
  return raw.bytes.toString('utf8', raw.start, raw.end);
}

describe('parseRecordsAsBytes', () => {
  it('keeps the records of a root array as their bytes, each serialising to its parsed value', () => {
    const page = '[ {"id":1,"name":"Zoë"} ,{"id":2,"tags":["a",{"b":null}],"n":1.5} ]';
    const { value, arrays } = parseRecordsAsBytes(utf8(page), null);
    const records = value as unknown[];
    expect(records.map(bytesOf)).toEqual([
      '{"id":1,"name":"Zoë"}',
      '{"id":2,"tags":["a",{"b":null}],"n":1.5}',
    ]);
    expect(arrays).toHaveLength(1);
    // Serialised (a carried rest, an error's details), a record is what a full parse gives.
    expect(JSON.parse(JSON.stringify(records))).toEqual(JSON.parse(page));
  });

  it('parses in full a page with a number a parse would change, as a parsed page is answered', () => {
    for (const page of [
      '[{"id":9007199254740993}]',
      '[{"id":1,"n":-0}]',
      '[{"id":1,"n":1e400}]',
      '{"data":[{"id":9007199254740993}]}',
      '{"data":[{"id":1}],"total":9007199254740993}',
    ]) {
      const key = page.startsWith('[') ? null : 'data';
      const { value } = parseRecordsAsBytes(utf8(page), key);
      const records = (key === null ? value : (value as { data: unknown[] }).data) as unknown[];
      expect(
        records.some((record) => record instanceof RawRecord),
        page,
      ).toBe(false);
    }
    expect(parseRecordsAsBytes(utf8('[{"id":9007199254740993}]'), null).value).toEqual([
      { id: '9007199254740993' },
    ]);
  });

  it('parses the rest of the body as usual and keeps the records at the key as bytes', () => {
    const page = '{"value":[{"id":"a"},{"id":"b"}],"@odata.nextLink":"https://graph/next?Zoë","count":2}';
    const { value } = parseRecordsAsBytes(utf8(page), 'value');
    const body = value as { value: unknown[]; '@odata.nextLink': string; count: number };
    expect(body['@odata.nextLink']).toBe('https://graph/next?Zoë');
    expect(body.count).toBe(2);
    expect(body.value.map(bytesOf)).toEqual(['{"id":"a"}', '{"id":"b"}']);
  });

  it('refuses a page whose records are not valid JSON, as a full parse would', () => {
    for (const page of ['[{"id":1},{"id":2,}]', '[{"id":01}]', '[{"a":"\u0001"}]', '[{"id":1}] x']) {
      expect(() => JSON.parse(page)).toThrow(SyntaxError);
      expect(() => parseRecordsAsBytes(utf8(page), null), page).toThrow(SyntaxError);
    }
    expect(() => parseRecordsAsBytes(utf8('{"data":[{"id":1} {"id":2}],"next":null}'), 'data')).toThrow(
      SyntaxError,
    );
    expect(() => parseRecordsAsBytes(utf8('{"data":[{"id":1}],"next":nul}'), 'data')).toThrow(SyntaxError);
  });

  it('parses in full what does not have the expected shape', () => {
    // No array at the key, an empty one, a later key of the same name that is not an array.
    expect(parseRecordsAsBytes(utf8('{"data":{"id":1}}'), 'data').value).toEqual({ data: { id: 1 } });
    expect(parseRecordsAsBytes(utf8('{"data":[]}'), 'data').value).toEqual({ data: [] });
    expect(parseRecordsAsBytes(utf8('{"data":[{"id":1}],"data":5}'), 'data').value).toEqual({ data: 5 });
    expect(parseRecordsAsBytes(utf8('{"id":1}'), null).value).toEqual({ id: 1 });
  });

  it('refuses a body nested deeper than the limit', () => {
    const deep = `[${'['.repeat(200)}${']'.repeat(200)}]`;
    expect(() => parseRecordsAsBytes(utf8(deep), null)).toThrow(/nests deeper/);
  });
});

describe('parseBody with records as bytes', () => {
  it('links the records to their bytes, so an answer writes them as they came', () => {
    const page = utf8('[{"id":1}, {"id":2}]');
    const body = parseBody(page, 'application/json', context, null) as unknown[];
    expect(body.map(bytesOf)).toEqual(['{"id":1}', '{"id":2}']);
    const linked = pageBytesOf(body);
    expect(linked?.bytes).toBe(page);
    expect(linked?.starts.map((start, i) => page.toString('utf8', start, linked.ends[i]))).toEqual([
      '{"id":1}',
      '{"id":2}',
    ]);
  });

  it('answers invalid records as an invalid upstream body', () => {
    expect(() => parseBody(utf8('[{"id":1,}]'), 'application/json', context, null)).toThrow(
      expect.objectContaining({ code: 'SB_ERR_HTTP_INVALID_RESPONSE' }),
    );
  });

  it('parses in full under another charset', () => {
    const latin1 = Buffer.from('[{"name":"Zoë"}]', 'latin1');
    expect(parseBody(latin1, 'application/json; charset=iso-8859-1', context, null)).toEqual([
      { name: 'Zoë' },
    ]);
  });
});
