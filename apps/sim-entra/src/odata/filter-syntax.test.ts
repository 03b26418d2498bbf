import { describe, expect, it } from 'vitest';
import { parseFilter } from './filter-syntax.js';

describe('$filter syntax', () => {
  it('reads doubled quotes, unquoted date-times, `in` lists and precedence (and binds tighter than or)', () => {
    expect(
      parseFilter(
        "mail eq 'o''neil@x' or accountEnabled eq false and createdDateTime ge 2024-01-01T00:00:00Z",
      ),
    ).toEqual({
      kind: 'or',
      left: { kind: 'compare', op: 'eq', path: 'mail', literal: { type: 'string', value: "o'neil@x" } },
      right: {
        kind: 'and',
        left: {
          kind: 'compare',
          op: 'eq',
          path: 'accountEnabled',
          literal: { type: 'boolean', value: false },
        },
        right: {
          kind: 'compare',
          op: 'ge',
          path: 'createdDateTime',
          literal: {
            type: 'datetime',
            value: Date.parse('2024-01-01T00:00:00Z'),
            text: '2024-01-01T00:00:00Z',
          },
        },
      },
    });
    expect(parseFilter("id in ('a', 'b')")).toEqual({
      kind: 'in',
      path: 'id',
      literals: [
        { type: 'string', value: 'a' },
        { type: 'string', value: 'b' },
      ],
    });
  });

  it('reads functions, not, and lambdas relative to their variable', () => {
    expect(parseFilter("not startswith(displayName,'A')")).toEqual({
      kind: 'not',
      operand: {
        kind: 'function',
        name: 'startswith',
        path: 'displayName',
        literal: { type: 'string', value: 'A' },
      },
    });
    expect(parseFilter("targetResources/any(t:t/id eq 'x')")).toEqual({
      kind: 'any',
      path: 'targetResources',
      body: { kind: 'compare', op: 'eq', path: 'id', literal: { type: 'string', value: 'x' } },
    });
  });

  it.each(["mail eq 'open", 'mail eq', 'mail like 1', "(mail eq 'a'", "startswith(mail 'a')"])(
    'refuses %s with a 400 naming the problem',
    (text) => {
      expect(() => parseFilter(text)).toThrow(
        expect.objectContaining({ status: 400, message: expect.stringMatching(/^Invalid filter clause: /) }),
      );
    },
  );
});
