/**
 * @module JSONata compiled once, evaluated with guardrails. The only place that imports jsonata.
 */
import jsonata from 'jsonata';

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
  return {
    source,
    evaluate: (input, bindings) => expression.evaluate(input, bindings),
  };
}
