import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { CLOCK_EVERY } from './compiler/context.js';
import { type CompiledExpression, compileExpression, type Guardrails } from './expression.js';

/** Results as the engine emits them: plain JSON (sequence flags and prototype-less objects aside). */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

function compile(source: string, guardrails?: Guardrails): CompiledExpression {
  const compiled = compileExpression(source, guardrails);
  if (!('evaluate' in compiled)) throw new Error(compiled.message);
  return compiled;
}

/** A clock that moves only when told to: time limits trip after counted work, never by the machine's speed. */
function manualClock(step: number) {
  let now = 0;
  return () => {
    now += step;
    return now;
  };
}

describe('compileExpression modes', () => {
  it('compiles mapping expressions to synchronous code that answers what the interpreter answers', async () => {
    const source = `{
      "id": $string(id),
      "name": $join([name.first, name.last], " "),
      "emails": emails[type = "work"].value,
      "admin": "admin" in roles,
      "created": $fromMillis($toMillis(created) + 1000),
      "tags": $map(tags, function($t, $i){ $i & ":" & $uppercase($t) }),
      "domain": $replace(emails[0].value, /^[^@]+@/, ""),
      "sorted": roles^($),
      "count": $count(emails)
    }`;
    const record = {
      id: 42,
      name: { first: 'Ada', last: 'Lovelace' },
      emails: [
        { type: 'work', value: 'ada@example.test' },
        { type: 'home', value: 'ada@home.test' },
      ],
      roles: ['member', 'admin'],
      created: '2026-01-01T00:00:00.000Z',
      tags: ['a', 'b'],
    };
    const compiled = compile(source);
    expect(compiled.mode).toBe('compiled');
    expect(compiled.fallbackReason).toBeUndefined();
    const expected = await jsonata(source).evaluate(record);
    expect(asJson(compiled.evaluateSync?.(record))).toEqual(asJson(expected));
    expect(asJson(await compiled.evaluate(record))).toEqual(asJson(expected));
    expect(expected).toMatchObject({
      id: '42',
      name: 'Ada Lovelace',
      emails: 'ada@example.test',
      admin: true,
    });
  });

  it('falls back to the interpreter, and says why, where compiled code would answer differently', async () => {
    // jsonata evaluates constructor items concurrently: the second item does not see the first's binding yet.
    const compiled = compile('[$x := 1, $x]');
    expect(compiled.mode).toBe('interpreted');
    expect(compiled.fallbackReason).toMatch(/constructor/);
    expect(compiled.evaluateSync).toBeUndefined();
    expect(await compiled.evaluate({})).toEqual([1]);
  });

  it('reports syntax errors with their position and code, compiling nothing', () => {
    expect(compileExpression('{ "a": }')).toMatchObject({ code: 'S0211', position: expect.any(Number) });
  });

  it('keeps $eval disabled in compiled code', () => {
    const compiled = compile('$eval("1 + 1")');
    expect(compiled.mode).toBe('compiled');
    expect(() => compiled.evaluateSync?.({})).toThrow(/\$eval is disabled/);
  });
});

describe('bindings in compiled code', () => {
  it('reads values and calls JavaScript functions passed as bindings, as the interpreter does', async () => {
    const secret = (length: number) => 'x'.repeat(length);
    const source =
      '{ "who": $record.id, "secret": $secret(4), "now": $now, "mapped": $map([1, 2], $secret) }';
    const bindings = { record: { id: 'u1' }, secret, now: '2026-01-01T00:00:00.000Z' };
    const compiled = compile(source);
    expect(compiled.mode).toBe('compiled');
    const expected = await jsonata(source).evaluate({}, bindings);
    expect(asJson(compiled.evaluateSync?.({}, bindings))).toEqual(asJson(expected));
    expect(asJson(expected)).toEqual({
      who: 'u1',
      secret: 'xxxx',
      now: '2026-01-01T00:00:00.000Z',
      mapped: ['x', 'xx'],
    });
  });

  it('says clearly when a bound function answers a promise, which compiled code cannot wait for', () => {
    const compiled = compile('$lookupAsync(1)');
    expect(() => compiled.evaluateSync?.({}, { lookupAsync: async () => 1 })).toThrow(
      /must return its value/,
    );
  });
});

describe('guardrails in compiled code', () => {
  it('stops an endless loop with the time limit, read from the injected clock', () => {
    // Each clock read advances 10 ms; the limit is 1000 ms: about 100 reads, one per CLOCK_EVERY steps.
    const compiled = compile('($loop := function($n){ $loop($n + 1) }; $loop(0))', {
      timeoutMs: 1000,
      maxDepth: 200,
      maxSequence: 1000,
      clock: manualClock(10),
    });
    expect(compiled.mode).toBe('compiled');
    expect(() => compiled.evaluateSync?.({})).toThrow(expect.objectContaining({ code: 'D1012' }));
  });

  it('lets work under the time limit finish, however slow the machine', () => {
    const guardrails = { timeoutMs: 1000, maxDepth: 200, maxSequence: 100_000, clock: manualClock(1) };
    // About 10 steps per item: far fewer than 1000 clock reads of CLOCK_EVERY steps.
    const items = Math.floor((CLOCK_EVERY * 500) / 10);
    const compiled = compile(`$count($map([1..${items}], function($v){ $v * 2 }))`, guardrails);
    expect(compiled.evaluateSync?.({})).toBe(items);
  });

  it('stops deep recursion with the depth limit, and the next evaluation is unharmed', () => {
    const compiled = compile('($deep := function($n){ $n = 0 ? 0 : 1 + $deep($n - 1) }; $deep(n))', {
      timeoutMs: 0,
      maxDepth: 60,
      maxSequence: 1000,
    });
    expect(() => compiled.evaluateSync?.({ n: 1000 })).toThrow(expect.objectContaining({ code: 'D1011' }));
    expect(compiled.evaluateSync?.({ n: 5 })).toBe(5);
  });

  it('caps sequence length wherever a sequence grows', () => {
    const limits = { timeoutMs: 0, maxDepth: 200, maxSequence: 50 };
    expect(() => compile('[1..100]', limits).evaluateSync?.({})).toThrow(
      expect.objectContaining({ code: 'D2015' }),
    );
    const items = { items: Array.from({ length: 100 }, (_, i) => ({ v: i })) };
    expect(() => compile('items.v', limits).evaluateSync?.(items)).toThrow(
      expect.objectContaining({ code: 'D2015' }),
    );
    expect(compile('items[v < 10].v', limits).evaluateSync?.(items)).toHaveLength(10);
  });

  it('words guardrail failures as the interpreter does', async () => {
    const limits = { timeoutMs: 0, maxDepth: 200, maxSequence: 50 };
    const interpreted = await jsonata('[1..100]', { sequence: 50 } as jsonata.JsonataOptions)
      .evaluate({})
      .catch((error: { message: string }) => error.message);
    expect(interpreted).toBe('The maximum sequence length of 100 was exceeded.');
    expect(() => compile('[1..100]', limits).evaluateSync?.({})).toThrow(
      expect.objectContaining({ code: 'D2015', message: interpreted }),
    );
  });
});
