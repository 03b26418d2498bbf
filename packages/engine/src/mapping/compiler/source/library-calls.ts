/**
 * @module A library call at its site: `$map`, `$reduce` and `$sift` over a function written out as loops
 * (each a {@link Loop} of its own file), a few functions answered directly (`direct-answers.ts`), every other
 * case as the call site makes it.
 */
import type { AstNode } from '../ast.js';
import type { NativeFunction } from '../callable.js';
import { native } from './direct-answers.js';
import type { Cx } from './generation-context.js';
import { mapLoop } from './map-loop.js';
import type { Site } from './native-call.js';
import { reduceLoop } from './reduce-loop.js';
import { attempt } from './refuse.js';
import { siftLoop } from './sift-loop.js';
import type { Writer } from './writer.js';

/**
 * A library call over a function written out as a loop: undefined when the call is not of the loop's form,
 * `Refuse` when it is but the loop cannot be written (the call is then made the general way).
 */
export type Loop = (
  g: Writer,
  ast: AstNode,
  fn: NativeFunction,
  cx: Cx,
  site: Site,
  out: string[],
) => string | undefined;

const LOOPS: ReadonlyMap<string, Loop> = new Map([
  ['reduce', reduceLoop],
  ['map', mapLoop],
  ['sift', siftLoop],
]);

export function library(
  g: Writer,
  fn: NativeFunction,
  name: string,
  ast: AstNode,
  cx: Cx,
  site: Site,
  out: string[],
): string {
  const loop = LOOPS.get(name);
  const written = loop === undefined ? undefined : attempt(out, (sub) => loop(g, ast, fn, cx, site, sub));
  if (written !== undefined) return written;
  const argCx = { ...cx, depth: site.depth };
  const values = (ast.arguments as AstNode[]).map((arg) => g.simple(g.gen(arg, argCx, out), out));
  return native(g, fn, name, values, site, out);
}
