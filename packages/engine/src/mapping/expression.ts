/**
 * @module JSONata compiled once, evaluated with guardrails. The only place that imports jsonata.
 */
import jsonata from 'jsonata';
import type { DefinitionScope } from './definition-scope.js';
import { variableNames } from './expression-variables.js';

/** Guardrails every expression runs under (jsonata ≥ 2.2): a wall-clock timeout and a recursion depth cap. */
export interface Guardrails {
  timeoutMs: number;
  maxDepth: number;
  maxSequence: number;
}

export const DEFAULT_GUARDRAILS: Guardrails = { timeoutMs: 1000, maxDepth: 200, maxSequence: 1_000_000 };

export interface CompiledExpression {
  readonly source: string;
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
}

/** A JSONata syntax error with its character offset inside the expression source. */
export interface ExpressionSyntaxError {
  message: string;
  /** 0-based offset into the expression source where the parser stopped. */
  position: number;
}

/** The jsonata object behind each compiled expression, for binding definitions after compilation. */
const compiledForms = new WeakMap<CompiledExpression, jsonata.Expression>();

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
    const e = error as { message?: string; position?: number };
    return { message: e.message ?? String(error), position: typeof e.position === 'number' ? e.position : 0 };
  }
  disableEval(expression);
  const compiled: CompiledExpression = {
    source,
    evaluate: (input, bindings) => expression.evaluate(input, bindings),
  };
  compiledForms.set(compiled, expression);
  return compiled;
}

/** True when the whole expression is one `function(…){ … }` literal. */
export function isFunctionLiteral(compiled: CompiledExpression): boolean {
  return (formOf(compiled).ast() as { type?: unknown }).type === 'lambda';
}

/**
 * The expression with an integration's definitions bound as `$<name>`. Plain values are bound once, here;
 * function definitions the expression mentions are copied for each evaluation (see {@link DefinitionScope}), so
 * an expression that uses none costs nothing more to evaluate.
 */
export function withDefinitions(compiled: CompiledExpression, scope: DefinitionScope): CompiledExpression {
  const expression = formOf(compiled);
  for (const [name, value] of scope.sharedValues()) expression.assign(name, value);
  const functions = scope.functionsAmong(variableNames(expression.ast()));
  if (functions.length === 0) return compiled;
  const bound: CompiledExpression = {
    source: compiled.source,
    evaluate: (input, bindings) => expression.evaluate(input, scope.bind(bindings, functions)),
  };
  compiledForms.set(bound, expression);
  return bound;
}

function formOf(compiled: CompiledExpression): jsonata.Expression {
  const expression = compiledForms.get(compiled);
  if (expression === undefined) throw new Error('not an expression made by compileExpression');
  return expression;
}
