import { describe, expect, it } from 'vitest';
import { parseBody } from './parse-body.js';
import { pageBytesOf, rememberRecordSources } from './raw-json.js';

const context = { label: 'users.list', status: 200 };

/** The bytes linked to each of `records`, as text (undefined when not linked). */
function linkedTexts(body: unknown, records: readonly unknown[]): string[] | undefined {
  rememberRecordSources(body, records);
  const page = pageBytesOf(records);
  return page && records.map((_, i) => page.bytes.subarray(page.starts[i], page.ends[i]).toString('utf8'));
}

function parse(text: string | Buffer, contentType = 'application/json') {
  return parseBody(Buffer.isBuffer(text) ? text : Buffer.from(text), contentType, context) as never;
}

describe('the bytes of upstream records', () => {
  it('are the exact text of each element of a root array, whitespace around them left out', () => {
    const body = parse(
      '[ {"id": 1, "price": 1.50} ,\n\t{"id":2,"name":"Zo\\u00eb"},{"n":"Zoë"}, 7 ]',
    ) as unknown[];
    expect(linkedTexts(body, body)).toEqual([
      '{"id": 1, "price": 1.50}',
      '{"id":2,"name":"Zo\\u00eb"}',
      '{"n":"Zoë"}',
      '7',
    ]);
  });

  it('are found under a key of the root object when the records are that array', () => {
    const body = parse(
      '{"meta":{"next":[1,2]},"na\\"me":[{"x":1}],"data":[{"id":"a"},{"id":"b","tags":["x","y"]}],"n":[]}',
    ) as { data: unknown[] };
    expect(linkedTexts(body, [...body.data])).toEqual(['{"id":"a"}', '{"id":"b","tags":["x","y"]}']);
  });

  it('skip a BOM and keep multi-byte characters whole', () => {
    const text = '[{"name":"Ødegård 日本"},{"name":"x"}]';
    const body = parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(linkedTexts(body, body)).toEqual(['{"name":"Ødegård 日本"}', '{"name":"x"}']);
  });

  it('parse back to the parsed records, whatever the layout', () => {
    const records = [{ a: [1, { b: 'c"]}' }], d: null }, [], 'text', { e: '\\' }, -1.5, true, { '': {} }];
    for (const layout of [0, 2, '\t']) {
      const body = parse(JSON.stringify({ items: records }, null, layout)) as { items: unknown[] };
      const texts = linkedTexts(body, body.items);
      expect(texts?.map((text) => JSON.parse(text))).toEqual(records);
    }
  });

  it('are those of the array the parsed body holds when a root key repeats, escaped or not', () => {
    // JSON.parse keeps the last occurrence of a key; `d\u0061ta` is `data`.
    for (const text of [
      '{"data":[{"id":1,"email":"first@example.test"}],"d\\u0061ta":[{"id":2}]}',
      '{"d\\u0061ta":[{"id":1,"email":"first@example.test"}],"data":[{"id":2}]}',
      '{"data":[{"id":1,"email":"first@example.test"}],"data":[{"id":2}]}',
    ]) {
      const body = parse(text) as { data: unknown[] };
      expect(body.data).toEqual([{ id: 2 }]);
      expect(linkedTexts(body, [...body.data])).toEqual(['{"id":2}']);
    }
  });

  it('are not linked when the records are not exactly one array of the body', () => {
    const body = parse('{"data":[{"id":1},{"id":2}]}') as { data: unknown[] };
    expect(linkedTexts(body, body.data.slice(1))).toBeUndefined();
    expect(linkedTexts(body, [...body.data].reverse())).toBeUndefined();
    const nested = parse('{"data":{"users":[{"id":1}]}}') as { data: { users: unknown[] } };
    expect(linkedTexts(nested, nested.data.users)).toBeUndefined();
  });

  it('are not linked when a re-serialisation would read differently or the text is not the bytes', () => {
    // Unsafe integers become strings; -0 becomes 0; 1e400 becomes null; a latin1 body is not UTF-8.
    for (const text of ['[{"id":9007199254740993}]', '[{"x":-0}]', '[{"x":1e400}]']) {
      const body = parse(text) as unknown[];
      expect(linkedTexts(body, body)).toBeUndefined();
    }
    const latin1 = parse(Buffer.from('[{"name":"Zoë"}]', 'latin1'), 'application/json; charset=iso-8859-1');
    expect(latin1).toEqual([{ name: 'Zoë' }]);
    expect(linkedTexts(latin1, latin1)).toBeUndefined();
    const invalid = parse(Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d])) as unknown[];
    expect(linkedTexts(invalid, invalid)).toBeUndefined();
  });
});
