import { describe, expect, it } from 'vitest';
import { compileExpression } from '../mapping/expression.js';
import { badTokenOffset } from './expression-error-offset.js';

function offsetOf(source: string): number {
  const compiled = compileExpression(source);
  if ('evaluate' in compiled) throw new Error(`${source} compiled`);
  return badTokenOffset(source, compiled);
}

describe('badTokenOffset', () => {
  it.each([
    ['a name', '{ "a": b c }', 'c }'],
    ['a string', '$f("x" "y")', '"y"'],
    ['a number', 'a[1] 45.5', '45.5'],
    ['an operator', 'foo(]', ']'],
    ['a two-character operator', 'a..b', '..'],
    ['a quoted name', '`quoted name` x', 'x'],
  ])('finds the start of %s jsonata stopped after', (_name, source, token) => {
    expect(offsetOf(source)).toBe(source.lastIndexOf(token));
  });

  it('points just after the last token when the expression ends too early', () => {
    expect(offsetOf('{ "a": $string(id)\n')).toBe('{ "a": $string(id)'.length);
  });
});
