/**
 * @module A whole expression compiled: its syntax tree (jsonata's own parser) → one closure, and how one
 * evaluation runs it (root frame, input wrapping, guardrails, error messages), as jsonata's `evaluate()`.
 */
import type { AstNode, Node } from './ast.js';
import { NotCompilable } from './ast.js';
import { compileExpressionTree } from './compile-node.js';
import { EvalContext, type Limits } from './context.js';
import { populateMessage } from './errors.js';
import { Frame } from './frame.js';
import { LIBRARY } from './functions/library.js';
import { createSequence, isSequence } from './sequence.js';
import { type Evaluate, generateProgram } from './source/generated-program.js';

export interface Program {
  /**
   * The expression always builds its object result itself (an object constructor at the top, through blocks
   * and conditionals): the result is never part of its input, and a caller may keep it without copying.
   */
  readonly freshObject: boolean;
  /** Runs synchronously; throws jsonata-shaped errors with their messages. */
  run(
    input: unknown,
    bindings: Readonly<Record<string, unknown>> | undefined,
    globals: Readonly<Record<string, unknown>>,
    limits: Limits,
  ): unknown;
  /**
   * The same evaluation as generated JavaScript specialised to `globals` (see `source/`), or why there is none.
   * Costs a code generation: made once per expression and definitions, on first use.
   */
  generate(globals: Readonly<Record<string, unknown>>, limits: Limits): Evaluate | { reason: string };
}

/** The library alone: the globals of an expression bound to no definitions. */
export const LIBRARY_GLOBALS: Readonly<Record<string, unknown>> = LIBRARY;

/** Compiles a parsed expression, or says why it cannot be compiled. */
export function compileProgram(ast: unknown): Program | { reason: string } {
  let root: Node;
  try {
    root = compileExpressionTree(ast as AstNode);
  } catch (error) {
    if (error instanceof NotCompilable) return { reason: error.reason };
    return { reason: `compiler error: ${error instanceof Error ? error.message : String(error)}` };
  }
  const program: Program = {
    freshObject: buildsFreshObject(ast as AstNode),
    generate(globals, limits) {
      return generateProgram(ast as AstNode, globals, limits, (input, bindings) =>
        program.run(input, bindings, globals, limits),
      );
    },
    run(input, bindings, globals, limits) {
      const ctx = new EvalContext(limits);
      const frame = new Frame(undefined, { bindings, globals });
      frame.bind('$', input);
      let focus = input;
      // An array input is one value, not a sequence of inputs (jsonata's outer wrapper).
      if (Array.isArray(input) && !isSequence(input)) {
        const wrapped = createSequence(ctx, input);
        (wrapped as { outerWrapper?: boolean }).outerWrapper = true;
        focus = wrapped;
      }
      try {
        return root(focus, frame, ctx);
      } catch (error) {
        populateMessage(error);
        throw error;
      }
    },
  };
  return program;
}

/** Whether every object the expression can answer is one its own constructor made (see `freshObject`). */
function buildsFreshObject(ast: AstNode): boolean {
  if (ast.predicate !== undefined || ast.group !== undefined || ast.keepArray) return false;
  switch (ast.type) {
    case 'unary':
      return ast.value === '{';
    case 'block': {
      const last = ast.expressions?.[ast.expressions.length - 1];
      return last !== undefined && buildsFreshObject(last);
    }
    case 'condition':
      return (
        buildsFreshObject(ast.then as AstNode) && (ast.else === undefined || buildsFreshObject(ast.else))
      );
    default:
      return false;
  }
}
