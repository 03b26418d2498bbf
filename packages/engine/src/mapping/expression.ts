/**
 * @module JSONata compiled once, evaluated with guardrails. The only place that decides how an expression
 * runs: compiled to synchronous JavaScript (`compiler/`) when the compiler handles every node of it, else by
 * the jsonata interpreter. Both follow jsonata 2.2.2's semantics; the JSONata test suite and the differential
 * test over every integration file hold them to it.
 */
import jsonata from 'jsonata';
import type { Limits } from './compiler/context.js';
import { compileProgram, LIBRARY_GLOBALS, type Program } from './compiler/program.js';
import type { Evaluate } from './compiler/source/generated-program.js';
import type { DefinitionScope } from './definition-scope.js';
import { variableNames } from './expression-variables.js';

/** Guardrails every expression runs under: a time limit, a recursion depth cap and a sequence length cap. */
export interface Guardrails {
  timeoutMs: number;
  maxDepth: number;
  maxSequence: number;
  /**
   * The clock compiled code reads its time limit from (milliseconds; `Date.now` by default). Compiled code
   * counts steps and reads it every few hundred, so a test can drive the time limit deterministically.
   */
  clock?: () => number;
}

export const DEFAULT_GUARDRAILS: Guardrails = { timeoutMs: 1000, maxDepth: 200, maxSequence: 1_000_000 };

export type ExpressionMode = 'compiled' | 'interpreted';

export interface CompiledExpression {
  readonly source: string;
  /** `compiled`: synchronous JavaScript; `interpreted`: the jsonata interpreter (see `fallbackReason`). */
  readonly mode: ExpressionMode;
  /** Why the expression runs interpreted. */
  readonly fallbackReason: string | undefined;
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
  /** Present when `mode` is `compiled`: the same evaluation, synchronously (the record-mapping hot loop). */
  readonly evaluateSync: ((input: unknown, bindings?: Record<string, unknown>) => unknown) | undefined;
  /**
   * True when an object result is always one the expression built itself (never its input or a shared
   * value), so the record mapper may keep it rather than copy it. False when unknown.
   */
  readonly freshObjectResult: boolean;
  /**
   * Whether a compiled expression runs as generated JavaScript source (made now if not yet): undefined when it
   * does, else why it runs the closures (or, interpreted, why it runs the interpreter).
   */
  notGenerated(): string | undefined;
}

/** A JSONata syntax error with its character offset inside the expression source. */
export interface ExpressionSyntaxError {
  message: string;
  /** 0-based offset into the expression source where the parser stopped. */
  position: number;
  /** jsonata's error code, e.g. `S0202`. */
  code?: string;
  /** The token jsonata names, e.g. `@`. */
  token?: string;
}

/** What stands behind each expression: jsonata's form (always: fallback and definitions) and the program. */
interface Forms {
  expression: jsonata.Expression;
  program: Program | undefined;
  limits: Limits;
  guardrails: Guardrails;
}

const forms = new WeakMap<CompiledExpression, Forms>();
/** The definitions an expression was bound to, for {@link asInterpreted}. */
const scopes = new WeakMap<CompiledExpression, DefinitionScope>();

// `$eval` would let data smuggle code into a mapping; it is replaced by a function that always fails.
function disableEval(expression: jsonata.Expression): void {
  expression.registerFunction('eval', () => {
    throw new Error('$eval is disabled in Switchboard mappings');
  });
}

/**
 * Compiles an expression. Returns the compiled form or the syntax error (never throws for bad input).
 *
 * @example
 * const compiled = compileExpression('{ "id": $string(id) }');
 * if ('evaluate' in compiled) await compiled.evaluate({ id: 7 }); // { id: '7' }
 */
export function compileExpression(
  source: string,
  guardrails: Guardrails = DEFAULT_GUARDRAILS,
): CompiledExpression | ExpressionSyntaxError {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source, {
      timeout: guardrails.timeoutMs,
      stack: guardrails.maxDepth,
      sequence: guardrails.maxSequence,
    });
  } catch (error) {
    const e = error as { message?: string; position?: number; code?: unknown; token?: unknown };
    return {
      message: e.message ?? String(error),
      position: typeof e.position === 'number' ? e.position : 0,
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
      ...(typeof e.token === 'string' ? { token: e.token } : {}),
    };
  }
  disableEval(expression);
  const compiled = compileProgram(expression.ast());
  const limits: Limits = {
    timeoutMs: guardrails.timeoutMs,
    maxDepth: guardrails.maxDepth,
    maxSequence: guardrails.maxSequence,
    clock: guardrails.clock ?? Date.now,
  };
  const form: Forms = { expression, program: 'run' in compiled ? compiled : undefined, limits, guardrails };
  if (form.program === undefined) {
    return interpreted(source, form, (compiled as { reason: string }).reason, (input, bindings) =>
      expression.evaluate(input, bindings),
    );
  }
  return compiledForm(source, form, form.program, LIBRARY_GLOBALS);
}

function interpreted(
  source: string,
  form: Forms,
  reason: string,
  evaluate: CompiledExpression['evaluate'],
): CompiledExpression {
  const result: CompiledExpression = {
    source,
    mode: 'interpreted',
    fallbackReason: reason,
    evaluate,
    evaluateSync: undefined,
    freshObjectResult: false,
    notGenerated: () => `runs interpreted: ${reason}`,
  };
  forms.set(result, form);
  return result;
}

function compiledForm(
  source: string,
  form: Forms,
  program: Program,
  globals: Readonly<Record<string, unknown>>,
): CompiledExpression {
  const { limits } = form;
  // Generated source on first use (most expressions of an integration never run, or run once per request).
  let made: Evaluate | { reason: string } | undefined;
  const generated = () => {
    made ??= program.generate(globals, limits);
    return made;
  };
  let run = (input: unknown, bindings: Record<string, unknown> | undefined): unknown => {
    const evaluate = generated();
    run = 'reason' in evaluate ? (i, b) => program.run(i, b, globals, limits) : evaluate;
    return run(input, bindings);
  };
  const evaluateSync = (input: unknown, bindings?: Record<string, unknown>) => run(input, bindings);
  const result: CompiledExpression = {
    source,
    mode: 'compiled',
    fallbackReason: undefined,
    evaluate: async (input, bindings) => evaluateSync(input, bindings),
    evaluateSync,
    freshObjectResult: program.freshObject,
    notGenerated: () => {
      const evaluate = generated();
      return 'reason' in evaluate ? evaluate.reason : undefined;
    },
  };
  forms.set(result, form);
  return result;
}

/** True when the whole expression is one `function(…){ … }` literal. */
export function isFunctionLiteral(compiled: CompiledExpression): boolean {
  return (formOf(compiled).expression.ast() as { type?: unknown }).type === 'lambda';
}

/** The variable names an expression mentions (over-approximated: locals included). */
export function namesUsedBy(compiled: CompiledExpression): Set<string> {
  return variableNames(formOf(compiled).expression.ast());
}

/**
 * The expression with an integration's definitions bound as `$<name>`. A compiled expression sees the
 * definitions' compiled forms, unless it uses a function definition that only the interpreter can run: then it
 * runs interpreted too. For the interpreter, plain values are bound once, here; function definitions the
 * expression mentions are copied for each evaluation (see {@link DefinitionScope}), so an expression that uses
 * none costs nothing more to evaluate.
 */
export function withDefinitions(compiled: CompiledExpression, scope: DefinitionScope): CompiledExpression {
  const form = formOf(compiled);
  const { expression } = form;
  const names = variableNames(expression.ast());
  let bound: CompiledExpression;
  if (form.program === undefined) {
    bound = interpretedWithDefinitions(compiled.source, form, scope, names, compiled.fallbackReason ?? '');
  } else {
    const blocker = scope.interpretedOnly(names);
    bound =
      blocker === undefined
        ? compiledForm(compiled.source, form, form.program, scope.compiledGlobals)
        : interpretedWithDefinitions(
            compiled.source,
            form,
            scope,
            names,
            `uses the definition \`$${blocker}\`, which runs interpreted`,
          );
  }
  scopes.set(bound, scope);
  return bound;
}

/**
 * The same expression run by the jsonata interpreter (with the same definitions): the reference a compiled
 * expression is checked against (the differential tests, the bench).
 */
export function asInterpreted(compiled: CompiledExpression): CompiledExpression {
  if (compiled.mode === 'interpreted') return compiled;
  const form = formOf(compiled);
  const scope = scopes.get(compiled);
  if (scope !== undefined) return interpretedWithDefinitionsOf(compiled, scope);
  const { expression } = form;
  return interpreted(compiled.source, form, 'asked for the interpreter', (input, bindings) =>
    expression.evaluate(input, bindings),
  );
}

function interpretedWithDefinitions(
  source: string,
  form: Forms,
  scope: DefinitionScope,
  names: Set<string>,
  reason: string,
): CompiledExpression {
  const { expression } = form;
  for (const [name, value] of scope.sharedValues()) expression.assign(name, value);
  const functions = scope.functionsAmong(names);
  if (functions.length === 0)
    return interpreted(source, form, reason, (input, b) => expression.evaluate(input, b));
  return interpreted(source, form, reason, (input, bindings) =>
    expression.evaluate(input, scope.bind(bindings, functions)),
  );
}

/** The expression run by the interpreter with the definitions bound, whatever its mode (definitions load). */
export function interpretedWithDefinitionsOf(
  compiled: CompiledExpression,
  scope: DefinitionScope,
): CompiledExpression {
  const form = formOf(compiled);
  return interpretedWithDefinitions(
    compiled.source,
    form,
    scope,
    variableNames(form.expression.ast()),
    compiled.fallbackReason ?? 'evaluated by the interpreter',
  );
}

/** The compiled form of a definition's value: evaluated once at load against the definitions so far. */
export function evaluateCompiledDefinition(compiled: CompiledExpression, scope: DefinitionScope): unknown {
  const form = formOf(compiled);
  if (form.program === undefined) return undefined;
  return form.program.run(undefined, {}, scope.compiledGlobals, form.limits);
}

function formOf(compiled: CompiledExpression): Forms {
  const form = forms.get(compiled);
  if (form === undefined) throw new Error('not an expression made by compileExpression');
  return form;
}
