import { describe, expect, it } from 'vitest';
import { compileYaml } from '../../test/support/compile-yaml.js';
import { toQueryParams } from './query-params.js';

const site = { integration: compileYaml('name: q\n'), pointer: '/q', what: 'query' };

describe('query parameters from a mapping', () => {
  it('keeps strings, stringifies scalars, repeats arrays and drops nulls', () => {
    expect(
      toQueryParams({ a: 'x', n: 2, b: false, ids: [1, null, 'two'], none: null, empty: [] }, site),
    ).toEqual({
      a: 'x',
      n: '2',
      b: 'false',
      ids: ['1', 'two'],
    });
    expect(toQueryParams(undefined, site)).toEqual({});
  });

  it('refuses nested objects', () => {
    expect(() => toQueryParams({ a: { b: 1 } }, site)).toThrow(
      expect.objectContaining({ code: 'SB_ERR_MAPPING_FAILED' }),
    );
  });
});
