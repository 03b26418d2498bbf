import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import type { AstNode, Signature } from './ast.js';
import { fastValidator } from './signature.js';

/** jsonata's own parsed signature, from a lambda declaring it. */
function signatureOf(definition: string): Signature {
  const params = [...definition.slice(1, definition.indexOf(':') === -1 ? -1 : definition.indexOf(':'))]
    .filter((c) => /[a-z]/.test(c))
    .map((_, i) => `$p${i}`);
  return (jsonata(`function(${params.join(', ')})${definition}{ 0 }`).ast() as unknown as AstNode)
    .signature as Signature;
}

function outcome(
  validate: (args: unknown[], context: unknown) => unknown[],
  args: unknown[],
  context: unknown,
) {
  try {
    return { args: validate(args, context) };
  } catch (error) {
    return { code: (error as { code?: unknown }).code };
  }
}

describe('fast signature checks', () => {
  const fn = { _jsonata_function: true, implementation: () => 0 };
  const cases: [string, unknown[]][] = [
    ['<s-nn?:s>', ['abc', 1]],
    ['<s-nn?:s>', ['abc', 1, 2]],
    ['<s-nn?:s>', [1, 2]],
    ['<s-nn?:s>', []],
    ['<x-b?:s>', [5]],
    ['<x-b?:s>', []],
    ['<a<n>:n>', [[1, 2]]],
    ['<a<n>:n>', [5]],
    ['<a<n>:n>', [[1, 'x']]],
    ['<a<s>s?:s>', [['a', 'b'], ', ']],
    ['<afj?:j>', [[1], fn]],
    ['<afj?:j>', [[1], 2]],
    ['<o-f?:o>', [{ a: 1 }, fn]],
    ['<o-f?:o>', [fn]],
    ['<(sf)(sf)n?:s>', ['a', fn, 2]],
    ['<a<a<n>>n:n>', [[[1]], 2]],
    ['<a<a<n>>n:n>', [[[1]]]],
    ['<s-:s>', [undefined]],
    ['<n-n:n>', [2, 'x']],
  ];
  for (const [definition, args] of cases) {
    it(`answers what jsonata answers for ${definition} on ${JSON.stringify(args)}`, () => {
      const signature = signatureOf(definition);
      const context = 'ctx';
      const fast = outcome(fastValidator(signature), args, context);
      const slow = outcome((a, c) => signature.validate(a, c), args, context);
      // Trailing optionals left out stay out on the fast path: compare as the function reads them.
      if ('args' in fast && 'args' in slow) {
        const [a, b] = [fast.args, slow.args];
        const width = Math.max(a.length, b.length);
        expect(Array.from({ length: width }, (_, i) => a[i])).toEqual(
          Array.from({ length: width }, (_, i) => b[i]),
        );
      } else expect(fast).toEqual(slow);
    });
  }
});
