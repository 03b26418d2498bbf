/**
 * @module Function calls `$name(…)` of a free name known at generation: a `definitions:` function inlined, a
 * library function called directly (see `library-calls.ts`). Any other call goes to its closure.
 */
import type { AstNode } from '../ast.js';
import { CompiledLambda, isNative } from '../callable.js';
import { LIBRARY } from '../functions/library.js';
import { inline } from './definitions.js';
import { delegate } from './delegation.js';
import { freeName } from './free-names.js';
import type { Cx } from './generation-context.js';
import { library } from './library-calls.js';
import type { Site } from './native-call.js';
import { attempt } from './refuse.js';
import { q, type Writer } from './writer.js';

export function call(g: Writer, ast: AstNode, cx: Cx, out: string[]): string {
  const procedure = ast.procedure as AstNode;
  const name = freeName(procedure, cx);
  if (name === undefined) return delegate(g, ast, cx, out);
  const fn = cx.base.known(name);
  if (fn instanceof CompiledLambda) {
    const inlined = attempt(out, (sub) => inline(g, fn, ast, name, ast.position, cx, sub, false));
    return inlined ?? delegate(g, ast, cx, out);
  }
  if (!isNative(fn) || LIBRARY[name] !== fn) return delegate(g, ast, cx, out);
  const site: Site = {
    depth: cx.depth + 1,
    input: cx.input,
    error: (fnName) => `R.nativeError(e, ${q(fnName)}, ${ast.position})`,
  };
  return library(g, fn, name, ast, cx, site, out);
}

/** A call in tail position of an inlined body (jsonata's thunk): made as the caller's trampoline makes it. */
export function tailCall(g: Writer, ast: AstNode, cx: Cx, out: string[]): string {
  const tail = cx.tail as { depth: number; input: string };
  const callNode = ast.body as AstNode;
  const procedure = callNode.procedure as AstNode;
  const name = freeName(procedure, cx);
  if (name !== undefined) {
    const fn = cx.base.known(name);
    if (fn instanceof CompiledLambda) {
      const inlined = attempt(out, (sub) => inline(g, fn, callNode, name, procedure.position, cx, sub, true));
      if (inlined !== undefined) return inlined;
    } else if (isNative(fn) && LIBRARY[name] === fn) {
      // The trampoline relocates any error of the call to the procedure's name and position.
      const site: Site = {
        depth: tail.depth,
        input: tail.input,
        error: (fnName) => `R.tailNativeError(e, ${q(fnName)}, ${procedure.position})`,
      };
      return library(g, fn, name, callNode, cx, site, out);
    }
  }
  // The closure makes the thunk; the trampoline runs it.
  const thunk = delegate(g, ast, cx, out);
  const t = g.temp();
  out.push(
    `let ${t};`,
    `context().depth = ${tail.depth}; try { ${t} = R.unwind(${thunk}, ${tail.input}, ctx); } catch (e) { throw R.tailError(e); }`,
  );
  return t;
}
