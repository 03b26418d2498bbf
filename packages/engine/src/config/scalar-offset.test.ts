import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { scalarSourceOffset } from './scalar-offset.js';

/** The scalar under `key:` and where `needle` is in its value and in the file. */
function setup(text: string, needle: string) {
  const doc = parseDocument(text);
  const contents = doc.contents;
  if (!isMap(contents)) throw new Error('expected a map');
  const node = contents.items[0]?.value as Scalar;
  if (!isScalar(node)) throw new Error('expected a scalar');
  const value = String(node.value);
  return { node, valueOffset: value.indexOf(needle), fileOffset: text.lastIndexOf(needle) };
}

describe('scalarSourceOffset', () => {
  it.each([
    ['a block literal', 'key: |\n  { "a": 1,\n    "b": bad }\n', 'bad'],
    [
      'a block literal with a header comment and indentation indicator',
      'key: |2 # note\n    x\n   bad\n',
      'bad',
    ],
    ['a folded block', 'key: >-\n  one two\n  three bad\n', 'bad'],
    ['a multi-line plain scalar', 'key: one\n  two bad\n', 'bad'],
    ['a single-quoted scalar with an escaped quote', "key: 'it''s bad'\n", 'bad'],
    ['a double-quoted scalar without escapes', 'key: "a\n  bad"\n', 'bad'],
  ])('maps an offset inside %s to the file', (_name, text, needle) => {
    const { node, valueOffset, fileOffset } = setup(text, needle);
    expect(scalarSourceOffset(text, node, valueOffset)).toBe(fileOffset);
  });

  it('falls back to the scalar start when escapes make the mapping uncertain', () => {
    const text = 'key: "\\t\\u0041 bad"\n';
    const { node, valueOffset } = setup(text, 'bad');
    expect(scalarSourceOffset(text, node, valueOffset)).toBe(text.indexOf('"'));
  });

  it('maps the end of the value to just after its last character', () => {
    const text = 'key: |\n  a +\n';
    const { node } = setup(text, 'a');
    expect(scalarSourceOffset(text, node, 'a +\n'.length)).toBe(text.indexOf('+') + 1);
  });
});
