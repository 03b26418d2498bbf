import { describe, expect, expectTypeOf, it } from 'vitest';
import { type CodeOf, codesOf, createError } from './index.js';

const registry = {
  Missing: createError('SB_ERR_TEST_MISSING', (id: string) => `${id} missing`),
  Broken: createError('SB_ERR_TEST_BROKEN', () => 'broken'),
  notAnError: 42,
  helper: () => 'x',
};

describe('error registries', () => {
  it('keeps each code as a literal type, so a table over CodeOf<registry> must name every code', () => {
    expectTypeOf<CodeOf<typeof registry>>().toEqualTypeOf<'SB_ERR_TEST_MISSING' | 'SB_ERR_TEST_BROKEN'>();
  });

  it('lists the codes of every coded error class in a registry, ignoring other exports', () => {
    expect(codesOf(registry).sort()).toEqual(['SB_ERR_TEST_BROKEN', 'SB_ERR_TEST_MISSING']);
  });
});
