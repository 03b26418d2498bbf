import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadIntegrationSource } from '../config/load-integration.js';
import { DefinitionScope } from './definition-scope.js';
import {
  type CompiledExpression,
  compileExpression,
  evaluateCompiledDefinition,
  type Guardrails,
  interpretedWithDefinitionsOf,
  namesUsedBy,
  withDefinitions,
} from './expression.js';
import { createRecordMapper, type MappingBindings } from './record-mapper.js';

const FILE = `schema_version: 1
name: acme
label: Acme
connection: {}
base_url: https://acme.test
auth: { type: none }
resources:
  people: { list: { method: GET, path: /people } }
definitions:
  blank: '[null, ""]'
  v: 'function($x){ $x in $blank ? undefined : $x }'
  kinds: '{ "1": ["admin", "Administrator"], "2": ["member", "Member"] }'
  kindOf: 'function($id){ $lookup($kinds, $string($id)) }'
unified:
  user-directory:
    users:
      list:
        resource: people
        response: |
          (
            $kind := $kindOf(kind_id);
            { "id": $string(id), "name": $v(name), "kind": $kind[0], "label": $kind[1], "all": $keys($kinds) }
          )
        filter: $v($query.kind) = undefined or kind = $query.kind
`;

const bindings = (): MappingBindings => ({
  record: undefined,
  body: [],
  headers: {},
  query: {},
  parent: undefined,
  connection: {},
  now: '2026-01-01T00:00:00.000Z',
});

afterEach(() => {
  vi.useRealTimers();
});

// The first load compiles the integration JSON Schema: seconds on a busy 2-core machine.
describe('definitions in a response mapping', { timeout: 30_000 }, () => {
  it('lets a definition function and table map records, with the engine bindings next to them', async () => {
    const integration = await loadIntegrationSource(FILE, 'acme.yaml');
    const pointer = '/unified/user-directory/users/list/response';
    const mapper = createRecordMapper({ site: { integration, pointer, what: 'users.list response' } });
    const out: Record<string, unknown>[] = [];
    const page = bindings();
    for (const record of [
      { id: 1, name: 'Ann', kind_id: 1 },
      { id: 2, name: '', kind_id: '2' },
      { id: 3, name: null, kind_id: 9 },
    ]) {
      await mapper.mapInto(record, page, out);
    }
    expect(out).toEqual([
      {
        id: '1',
        name: 'Ann',
        kind: 'admin',
        label: 'Administrator',
        all: ['1', '2'],
        remote_data: { id: 1, name: 'Ann', kind_id: 1 },
      },
      {
        id: '2',
        kind: 'member',
        label: 'Member',
        all: ['1', '2'],
        remote_data: { id: 2, name: '', kind_id: '2' },
      },
      { id: '3', all: ['1', '2'], remote_data: { id: 3, name: null, kind_id: 9 } },
    ]);
    // A shared table flows into output as a copy: the next request can change neither.
    expect(Object.isFrozen(out[0]?.['all'])).toBe(false);
    expect(integration.definitions['kinds']).toEqual({
      '1': ['admin', 'Administrator'],
      '2': ['member', 'Member'],
    });

    const filter = integration.expression('/unified/user-directory/users/list/filter') as CompiledExpression;
    expect(await filter.evaluate(out[0], { ...bindings(), query: { kind: 'admin' } })).toBe(true);
    expect(await filter.evaluate(out[1], { ...bindings(), query: { kind: 'admin' } })).toBe(false);
  });

  it('still calls definition functions long after the time guardrail of their load has passed', async () => {
    const integration = await loadIntegrationSource(FILE, 'acme.yaml');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    const response = integration.expression('/unified/user-directory/users/list/response');
    expect(await response?.evaluate({ id: 1, name: 'Ann', kind_id: 2 }, { ...bindings() })).toMatchObject({
      name: 'Ann',
      kind: 'member',
    });
  });
});

describe('definition functions under guardrails', () => {
  const limits: Guardrails = { timeoutMs: 60, maxDepth: 60, maxSequence: 1_000_000 };

  async function scopeOf(definitions: Record<string, string>): Promise<DefinitionScope> {
    const scope = new DefinitionScope(limits);
    // As the loader does: the interpreter's value for interpreted expressions, the compiled one for compiled.
    for (const [name, source] of Object.entries(definitions)) {
      const compiled = compileExpression(source, limits) as CompiledExpression;
      const value = await interpretedWithDefinitionsOf(compiled, scope).evaluate(undefined, {});
      expect(scope.add(name, value, source.startsWith('function'))).toBeUndefined();
      scope.addCompiled(name, evaluateCompiledDefinition(compiled, scope), namesUsedBy(compiled));
    }
    return scope;
  }
  /**
   * Tests about depth or concurrency must not trip the 60 ms time guardrail on a loaded machine (200 evaluations
   * at once share the CPU with everything else): they run with a time limit no machine reaches.
   */
  const untimed: Guardrails = { ...limits, timeoutMs: 600_000 };
  const using = (scope: DefinitionScope, source: string, guardrails: Guardrails = limits) =>
    withDefinitions(compileExpression(source, guardrails) as CompiledExpression, scope);

  const scope = scopeOf({
    loop: 'function($n){ $loop($n + 1) }',
    deep: 'function($n){ $n = 0 ? 0 : 1 + $deep($n - 1) }',
    fact: 'function($n){ $n <= 1 ? 1 : $n * $fact($n - 1) }',
    label: 'function($n){ $string($n) & "!" }',
  });

  it('stops a runaway loop with the time guardrail of the evaluation that called it', async () => {
    await expect(using(await scope, '$loop(0)').evaluate({})).rejects.toMatchObject({ code: 'D1012' });
  });

  it('stops deep recursion with the depth guardrail, and a failure leaves the next evaluation unharmed', async () => {
    const deep = using(await scope, '$deep(n)', untimed);
    for (let i = 0; i < 20; i++)
      await expect(deep.evaluate({ n: 1000 })).rejects.toMatchObject({ code: 'D1011' });
    expect(await deep.evaluate({ n: 10 })).toBe(10);
  });

  it('gives concurrent evaluations their own copies (recursion and nested calls included)', async () => {
    const expression = using(await scope, '$label($fact(n))', untimed);
    const inputs = Array.from({ length: 200 }, (_, i) => i % 8);
    const results = await Promise.all(inputs.map((n) => expression.evaluate({ n })));
    const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
    expect(results).toEqual(inputs.map((n) => `${factorial(n)}!`));
  });

  it('passes a definition function to JSONata higher-order functions and partial application', async () => {
    const s = await scope;
    expect([...((await using(s, '$map([1, 2, 3], $label)').evaluate({})) as string[])]).toEqual([
      '1!',
      '2!',
      '3!',
    ]);
    expect(await using(s, '$label(?)(4)').evaluate({})).toBe('4!');
  });
});

describe('definitions and compiled code', () => {
  const file = (response: string) => `schema_version: 1
name: acme
label: Acme
connection: {}
base_url: https://acme.test
auth: { type: none }
resources:
  people: { list: { method: GET, path: /people } }
definitions:
  isEven: 'function($n){ $n = 0 ? true : $isOdd($n - 1) }'
  isOdd: 'function($n){ $n = 0 ? false : $isEven($n - 1) }'
  pair: 'function($x){ [$y := $x, $y] }'
  depthOf: 'function($n){ $n = 0 ? 0 : 1 + $depthOf($n - 1) }'
  labels: '{ "true": "even", "false": "odd" }'
unified:
  user-directory:
    users:
      list:
        resource: people
        response: ${JSON.stringify(response)}
`;
  const pointer = '/unified/user-directory/users/list/response';

  it('compiles an expression whose definition functions call each other, one defined after the other', async () => {
    const integration = await loadIntegrationSource(
      file('{ "id": $string(id), "kind": $lookup($labels, $string($isEven(n))) }'),
      'acme.yaml',
    );
    const response = integration.expression(pointer) as CompiledExpression;
    expect(response.mode).toBe('compiled');
    expect(response.evaluateSync?.({ id: 1, n: 7 }, {})).toEqual({ id: '1', kind: 'odd' });
    expect(await response.evaluate({ id: 2, n: 10 }, {})).toEqual({ id: '2', kind: 'even' });
  });

  it('runs a compiled definition function under the guardrails of the evaluation that calls it', async () => {
    const integration = await loadIntegrationSource(file('{ "depth": $depthOf(n) }'), 'acme.yaml');
    const response = integration.expression(pointer) as CompiledExpression;
    expect(response.mode).toBe('compiled');
    // Not a tail call: each level nests. The default depth guardrail (200) stops it; a small n still works after.
    expect(() => response.evaluateSync?.({ n: 5000 }, {})).toThrow(
      expect.objectContaining({ code: 'D1011' }),
    );
    expect(response.evaluateSync?.({ n: 4 }, {})).toEqual({ depth: 4 });
  });

  it('runs an expression interpreted when a definition it uses only the interpreter can run', async () => {
    const integration = await loadIntegrationSource(
      file('{ "pair": $pair(id), "even": $isEven(id) }'),
      'acme.yaml',
    );
    const response = integration.expression(pointer) as CompiledExpression;
    expect(response.mode).toBe('interpreted');
    expect(response.fallbackReason).toContain('$pair');
    expect(await response.evaluate({ id: 2 }, {})).toEqual({ pair: [2], even: true });
  });
});
