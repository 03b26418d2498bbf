import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { DefinitionScope } from '../../definition-scope.js';
import {
  type CompiledExpression,
  compileExpression,
  evaluateCompiledDefinition,
  type Guardrails,
  interpretedWithDefinitionsOf,
  namesUsedBy,
  withDefinitions,
} from '../../expression.js';
import type { Limits } from '../context.js';
import { compileProgram, type Program } from '../program.js';

const GUARDRAILS: Guardrails = { timeoutMs: 0, maxDepth: 200, maxSequence: 1_000_000 };

/** The OneLogin definitions the generator inlines, as the loader evaluates them. */
const DEFINITIONS: Record<string, string> = {
  blank: '[null, ""]',
  v: 'function($x){ $x in $blank ? undefined : $x }',
  idOf: 'function($x){ $x in $blank ? undefined : $string($x) }',
  present: 'function($x){ $not($x in $blank) }',
  statuses: '{ "0": "invited", "1": "active" }',
  statusOf: 'function($s){ $type($s) = "number" ? $lookup($statuses, $string($s)) }',
  plusOne: 'function($n){ $n + 1 }',
  countdown: 'function($n){ $n = 0 ? "done" : $countdown($n - 1) }',
  total: 'function($x){ $reduce($x, function($a, $b){ $a + $b }) }',
  bump: 'function($x){ $map($x, function($v){ $v + 1 }) }',
  keep: 'function($o){ $sift($o, $present) }',
  placeholders: '["%user%", "%app%"]',
  describe:
    'function($template, $names){ $reduce($placeholders, function($text, $key){ $contains($text, $key) ? ' +
    '($exists($lookup($names, $key)) ? $replace($text, $key, $string($lookup($names, $key)))) : $text }, $template) }',
  kinds: '{ "1": ["login", "%user% logged into %app%"], "2": ["logout", "%user% left"] }',
};

async function scopeOf(
  definitions: Record<string, string>,
  guardrails: Guardrails,
): Promise<DefinitionScope> {
  const scope = new DefinitionScope(guardrails);
  for (const [name, source] of Object.entries(definitions)) {
    const compiled = compileExpression(source, guardrails) as CompiledExpression;
    const value = await interpretedWithDefinitionsOf(compiled, scope).evaluate(undefined, {});
    expect(scope.add(name, value, source.startsWith('function'))).toBeUndefined();
    if (source.startsWith('function')) {
      scope.addCompiled(name, evaluateCompiledDefinition(compiled, scope), namesUsedBy(compiled));
    }
  }
  return scope;
}

type Outcome =
  | { value: unknown }
  | { error: { code: unknown; position: unknown; token: unknown; message: unknown } };

async function outcome(run: () => unknown): Promise<Outcome> {
  try {
    // Sequences and prototype-less objects compared as the JSON they stand for.
    const value = await run();
    return { value: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) };
  } catch (error) {
    const e = error as Record<string, unknown>;
    return { error: { code: e['code'], position: e['position'], token: e['token'], message: e['message'] } };
  }
}

interface Forms {
  generated: Outcome;
  closures: Outcome;
  interpreter: Outcome;
}

/** One expression three ways: generated source, the closures, and the jsonata interpreter. */
async function threeWays(
  source: string,
  input: unknown,
  options: { guardrails?: Guardrails; clock?: () => () => number; bindings?: Record<string, unknown> } = {},
): Promise<Forms & { reason?: string }> {
  const guardrails = options.guardrails ?? GUARDRAILS;
  const scope = await scopeOf(DEFINITIONS, guardrails);
  const program = compileProgram(jsonata(source).ast()) as Program;
  const limits = (): Limits => ({ ...guardrails, clock: options.clock?.() ?? Date.now });
  // Each form gets a clock of its own (a virtual clock counts its reads).
  const generated = program.generate(scope.compiledGlobals, limits());
  const clock = options.clock?.();
  const compiled = compileExpression(
    source,
    clock === undefined ? guardrails : { ...guardrails, clock },
  ) as CompiledExpression;
  const interpreter = interpretedWithDefinitionsOf(compiled, scope);
  // As the engine runs it: generated source on first use, the closures when generation declines.
  const engine = withDefinitions(compiled, scope);
  return {
    ...('reason' in generated ? { reason: generated.reason } : {}),
    generated: await outcome(() => engine.evaluateSync?.(input, options.bindings ?? {})),
    closures: await outcome(() =>
      program.run(input, options.bindings ?? {}, scope.compiledGlobals, limits()),
    ),
    interpreter: await outcome(() => interpreter.evaluate(input, options.bindings ?? {})),
  };
}

async function expectSame(source: string, input: unknown, options?: Parameters<typeof threeWays>[2]) {
  const forms = await threeWays(source, input, options);
  expect(forms.reason, 'the expression is generated').toBeUndefined();
  expect(forms.generated).toEqual(forms.interpreter);
  expect(forms.closures).toEqual(forms.interpreter);
  return forms.generated;
}

const USER =
  '( $first := $v(firstname); $last := $v(lastname); $manager := $idOf(manager_user_id);' +
  ' { "id": $string(id), "name": $v($join([$first, $last], " ")), "status": $statusOf(status),' +
  ' "manager": $manager ? { "id": $manager }, "roles": $type(role_ids) = "array" ?' +
  ' [$map(role_ids, function($r){ { "id": $string($r) } })], "custom": $sift(custom, $present) } )';

describe('generated source: the same answers as the closures and the interpreter', () => {
  it('maps a record with definitions inlined', async () => {
    const value = await expectSame(USER, {
      id: 7,
      firstname: 'Ada',
      lastname: '',
      manager_user_id: 12,
      status: 1,
      role_ids: [1, 2],
      custom: { a: '', b: 'x', c: null },
    });
    expect(value).toEqual({
      value: {
        id: '7',
        name: 'Ada',
        status: 'active',
        manager: { id: '12' },
        roles: [{ id: '1' }, { id: '2' }],
        custom: { b: 'x' },
      },
    });
  });

  it('treats undefined, null and empty strings as the definitions say', async () => {
    await expectSame(USER, {});
    await expectSame(USER, { id: null, firstname: null, lastname: null, manager_user_id: '', role_ids: 5 });
    await expectSame(USER, { id: '42', manager_user_id: '0', status: '1', role_ids: [] });
  });

  it('gives the same answer for an input that is not an object', async () => {
    for (const input of [undefined, null, 5, 'text', true, [], [{ id: 1 }, { id: 2 }], [[1]]]) {
      await expectSame(USER, input);
      await expectSame('a.b', input);
      await expectSame('$', input);
    }
  });

  it('falls back to the general walk when a path meets an array', async () => {
    expect(await expectSame('a.b.c', { a: { b: [{ c: 1 }, { c: [2, 3] }] } })).toEqual({ value: [1, 2, 3] });
    expect(await expectSame('a.b', { a: [{ b: 1 }] })).toEqual({ value: 1 });
    await expectSame('{ "x": a.b, "y": $v(a.b) }', { a: [{ b: '' }, { b: 'y' }] });
  });

  it('compares and concatenates numbers and strings as JSONata does', async () => {
    await expectSame('[a = "1", a = 1, a != 1, a in [1, 2], "x" & a & b, a < 2, b > "a"]', { a: 1, b: 'b' });
    await expectSame('[a and b, a or b, $not(a), $boolean(b), $count(c), $exists(d)]', {
      a: 0,
      b: '',
      c: [1, 2],
    });
  });

  it('indexes a list, and folds with $reduce over generated locals', async () => {
    const activity =
      '( $kind := $lookup($kinds, $string(t)); { "action": $kind ? $kind[0] : "other", "last": $kind[-1], ' +
      '"first": $kind[5], "description": $kind ? $describe($kind[1], { "%user%": user, "%app%": app }) } )';
    expect(await expectSame(activity, { t: 1, user: 'ada', app: 7 })).toEqual({
      value: { action: 'login', last: '%user% logged into %app%', description: 'ada logged into 7' },
    });
    await expectSame(activity, { t: 2 });
    await expectSame(activity, { t: 3, user: 'x' });
    for (const a of [5, [], undefined, [1, 2, 3], 'text']) {
      await expectSame('$reduce(a, function($x, $y){ $x + $y })', { a });
      await expectSame('$reduce(a, function($x, $y, $i, $all){ [$x, $y, $i, $count($all)] }, 10)', { a });
    }
    await expectSame('$reduce(a, function($x, $y){ $x + $y }, function(){ 1 })', { a: [1] });
    // A literal without parameters is a loop with no locals.
    expect(await expectSame('$map(a, function(){ 7 })', { a: [1, 2, 3] })).toEqual({ value: [7, 7, 7] });
  });

  it('builds objects and arrays as the constructors do', async () => {
    await expectSame('{ "__proto__": a, "b": [[1, 2], [3], a, [], c] }', { a: [4, 5], c: 'x' });
    await expectSame('[a, [a], $v(c), b.x]', { a: [1], b: [{ x: 1 }, { x: [2, 3] }], c: '' });
    await expectSame('{ "a": { "b": $$.c, "d": $ } }', { c: 1 });
  });

  it('hands other nodes to their closures with the generated locals they read', async () => {
    const input = { a: [1, 2], b: { c: 'x' } };
    await expectSame('( $x := 10; $s := a.($ + $x); [$s, $count($s), $s[1], a[$ > 1]] )', input);
    await expectSame('( $f := function($v){ $v & "!" }; $f(b.c) )', input);
    await expectSame('( $x := 1; $f := function(){ $x + 1 }; $f() )', input);
    await expectSame('( $x := b; $x.c & $x.*[0] )', input);
    await expectSame('b ~> $lookup("c")', input);
  });

  it('reads a block local before its binding as the frame lookup does', async () => {
    await expectSame('( $y := $x; $x := 2; [$y, $x] )', {}, { bindings: { x: 1 } });
    await expectSame('( $b := ($a := 1) + ($a := 2); [$a, $b] )', {});
  });

  it('runs the closures when a caller binding hides a definition or library function', async () => {
    const forms = await threeWays('$v(a)', { a: '' }, { bindings: { v: 'not a function' } });
    expect(forms.generated).toEqual(forms.closures);
    expect(forms.generated).toMatchObject({ error: { code: 'T1006' } });
  });
});

describe('generated source: errors and guardrails', () => {
  it('raises the same codes, positions and tokens', async () => {
    for (const source of [
      '$v(a) + 1',
      '$plusOne(a)',
      '$string(a) & $number("x")',
      '{ "id": $idOf(a) } ~> $lookup("x")',
      '$sift(a, $present)',
      '$sift({ "x": a }, $plusOne)',
      '$sift(null, $present)',
      '-a',
      '$map(b, function($x){ $x + a })',
      '$join(b, 1)',
      '$nope(a)',
      'nope(a)',
      '$total(b)',
      '$total([1, a])',
      '$bump([1, a])',
      '$keep(b)',
      '{ "x": $keep(a), "y": $total(b), "z": $bump(b) }',
    ]) {
      await expectSame(source, { a: 'text', b: [1, 2] });
    }
  });

  it('trips the depth guardrail where the closures do', async () => {
    const guardrails: Guardrails = { ...GUARDRAILS, maxDepth: 6 };
    await expectSame('$countdown(2)', {}, { guardrails: { ...GUARDRAILS, maxDepth: 30 } });
    const forms = await threeWays('{ "a": { "b": { "c": { "d": [$v(x)] } } } }', { x: 1 }, { guardrails });
    expect(forms.reason).toBe('deeper than the depth cap');
    expect(forms.generated).toEqual(forms.closures);
    expect(forms.generated).toMatchObject({ error: { code: 'D1011' } });
  });

  it('trips the sequence cap and the time limit on the injected clock', async () => {
    const capped: Guardrails = { ...GUARDRAILS, maxSequence: 3 };
    const many = { a: [1, 2, 3, 4, 5] };
    const sequence = await threeWays('[$map(a, function($x){ $x })]', many, { guardrails: capped });
    expect(sequence.generated).toEqual(sequence.closures);
    expect(sequence.generated).toMatchObject({ error: { code: 'D2015' } });
    // One millisecond per clock read: a long enough loop runs out of time whatever the machine.
    const virtual = () => {
      let now = 0;
      return () => now++;
    };
    const timed: Guardrails = { ...GUARDRAILS, timeoutMs: 2 };
    const long = { a: Array.from({ length: 5000 }, (_, i) => i) };
    const timeout = await threeWays('$map(a, function($x){ $x + 1 })', long, {
      guardrails: timed,
      clock: virtual,
    });
    expect(timeout.generated).toEqual(timeout.closures);
    expect(timeout.generated).toMatchObject({ error: { code: 'D1012' } });
  });
});
