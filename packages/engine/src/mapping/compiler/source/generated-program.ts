/**
 * @module A compiled expression as one generated JavaScript function, specialised to the definitions and
 * library it runs with (a call of a definition function is inlined, a library function called directly). Made
 * on first use, once per expression and set of definitions. The function checks what generation assumed, and
 * runs the closures instead when it does not hold: an array input (jsonata's outer wrapper), or a caller
 * binding that hides a definition or library function the source uses.
 *
 * Safety: the source is built only from the syntax tree's shape; every value the tree carries (strings, names,
 * keys) is embedded through `JSON.stringify`, and values met at generation are passed as constants, never
 * printed into the source.
 */
import type { AstNode, Node } from '../ast.js';
import { EvalContext, type Limits } from '../context.js';
import { populateMessage } from '../errors.js';
import { SourceGenerator } from './generator.js';
import { Refuse } from './refuse.js';
import { RUNTIME } from './runtime.js';

export type Evaluate = (input: unknown, bindings: Readonly<Record<string, unknown>> | undefined) => unknown;

/**
 * The generated form of `ast` with `globals`, or the reason it has none. `fallback` runs the closures (the
 * same semantics, every case).
 */
export function generateProgram(
  ast: AstNode,
  globals: Readonly<Record<string, unknown>>,
  limits: Limits,
  fallback: Evaluate,
): Evaluate | { reason: string } {
  const generator = new SourceGenerator(globals, limits);
  let body: string;
  try {
    body = generator.generate(ast);
  } catch (error) {
    if (error instanceof Refuse) return { reason: error.message };
    throw error;
  }
  const shadowed = [...generator.guards].map((name) => `Object.hasOwn(bindings, ${JSON.stringify(name)})`);
  const guard = shadowed.length === 0 ? '' : ` || (bindings !== undefined && (${shadowed.join(' || ')}))`;
  const source = `"use strict";
return function generated(input, bindings) {
  if (Array.isArray(input)${guard}) return fallback(input, bindings);
  // The evaluation context is made on first need: a record the source maps without calling a closure, a
  // library function or a loop never needs one (its work is bounded by the expression's size).
  let ctx;
  const context = () => (ctx === undefined ? (ctx = new EvalContext(limits)) : ctx);
  const plain = input !== null && typeof input === 'object' && !R.isFunctionValue(input);
  let F;
  try {
${body}
  } catch (e) {
    populateMessage(e);
    throw e;
  }
};`;
  let make: (...args: unknown[]) => unknown;
  try {
    make = new Function(
      'K',
      'C',
      'R',
      'G',
      'EvalContext',
      'limits',
      'fallback',
      'populateMessage',
      source,
    ) as typeof make;
  } catch (error) {
    // A generator bug, never the expression's fault: the closures still run it.
    return { reason: `generator error: ${error instanceof Error ? error.message : String(error)}` };
  }
  return make(
    generator.constants,
    generator.closures as Node[],
    RUNTIME,
    globals,
    EvalContext,
    limits,
    fallback,
    populateMessage,
  ) as Evaluate;
}
