/**
 * @module Conditionals `c ? a : b`, blocks `( a; b )` (each a scope of its own) and bindings `$x := v`, and
 * variable reads (`$` the context, `$$` the root input, `$name` the nearest binding).
 */
import type { AstNode, Compile, Node } from './ast.js';
import type { Sequence } from './sequence.js';
import { isTrue } from './values.js';

export function compileCondition(compile: Compile, ast: AstNode): Node {
  const condition = compile(ast.condition as AstNode);
  const then = compile(ast.then as AstNode);
  const otherwise = ast.else !== undefined ? compile(ast.else) : undefined;
  return (input, frame, ctx) => {
    if (isTrue(condition(input, frame, ctx))) return then(input, frame, ctx);
    return otherwise === undefined ? undefined : otherwise(input, frame, ctx);
  };
}

export function compileBlock(compile: Compile, ast: AstNode): Node {
  const expressions = (ast.expressions as AstNode[]).map(compile);
  return (input, frame, ctx) => {
    const scope = frame.child();
    let result: unknown;
    for (const expression of expressions) result = expression(input, scope, ctx);
    return result;
  };
}

export function compileBind(compile: Compile, ast: AstNode): Node {
  const name = (ast.lhs as AstNode).value as string;
  const value = compile(ast.rhs as AstNode);
  return (input, frame, ctx) => {
    const result = value(input, frame, ctx);
    frame.bind(name, result);
    return result;
  };
}

/** `locals`: the names the expression binds itself; any other name is looked up in the root scope only. */
export function compileVariable(ast: AstNode, locals: ReadonlySet<string>): Node {
  const name = ast.value as string;
  if (name === '') {
    return (input) => (input && (input as Sequence).outerWrapper ? (input as unknown[])[0] : input);
  }
  // `$$` is `$` bound in the root frame.
  if (locals.has(name) || name === '$') return (_input, frame) => frame.lookup(name);
  // A definition or library function found once is the same for every later evaluation with those globals
  // (definitions are only ever added); the caller's bindings are still read first, every time.
  let knownGlobals: unknown;
  let known: unknown;
  return (_input, frame) => {
    const { bindings, globals } = frame.root;
    if (bindings !== undefined && Object.hasOwn(bindings, name)) return bindings[name];
    if (globals === knownGlobals) return known;
    const value = globals[name];
    if (value !== undefined) {
      knownGlobals = globals;
      known = value;
    }
    return value;
  };
}
