/**
 * @module Free names: the `$names` no generated scope binds. They resolve in a {@link Base}: the expression's
 * root (the caller's bindings, then the definitions and library) or the frame an inlined definition was made
 * in. A name whose value is known at generation is read as a constant; at the root, the name is then guarded
 * (a caller's binding of it sends the evaluation to the closures).
 */
import type { AstNode } from '../ast.js';
import { CompiledLambda } from '../callable.js';
import type { Frame } from '../frame.js';
import { localNames } from '../locals.js';
import type { Cx } from './generation-context.js';
import { lookupLocal } from './scopes.js';
import { q, type Writer } from './writer.js';

/** Where the names no generated scope binds resolve: the expression's root, or an inlined definition's frame. */
export interface Base {
  /** The source of the frame a closure gets when it reads no generated local. */
  readonly frame: string;
  /** `$$`. */
  readonly rootInput: string;
  /** The local names of the tree the closures are compiled with. */
  readonly locals: ReadonlySet<string>;
  /** The value of a free name known now (a definition or a library function), else undefined. */
  known(name: string): unknown;
  /** Source reading a free name at run time. */
  read(name: string): string;
}

/** The expression's own root: names known from `globals` are added to `guards`. */
export function rootBase(
  g: Writer,
  ast: AstNode,
  globals: Readonly<Record<string, unknown>>,
  guards: Set<string>,
): Base {
  return {
    frame: '(F === undefined ? (F = R.rootFrame(input, bindings, G)) : F)',
    rootInput: 'input',
    locals: localNames(ast),
    known: (name) => {
      const value = globals[name];
      if (value !== undefined) guards.add(name);
      return value;
    },
    read: (name) => {
      const value = globals[name];
      if (value !== undefined) {
        guards.add(name);
        return g.constant(value);
      }
      return `R.readRoot(bindings, G, ${q(name)})`;
    },
  };
}

/** The frame a `definitions:` function was made in, where the free names of its inlined body resolve. */
export function definitionBase(g: Writer, lambda: CompiledLambda, lambdaAst: AstNode): Base {
  let base = g.definitionBases.get(lambda);
  if (base !== undefined) return base;
  const frame: Frame = lambda.frame;
  const frameSource = g.constant(frame);
  base = {
    frame: frameSource,
    rootInput: g.constant(frame.lookup('$')),
    locals: localNames(lambdaAst),
    known: (name) => frame.lookup(name),
    read: (name) => `R.readFrame(${frameSource}, ${q(name)})`,
  };
  g.definitionBases.set(lambda, base);
  return base;
}

/** The name `ast` reads when it is a plain `$name` no generated scope binds, else undefined. */
export function freeName(ast: AstNode, cx: Cx): string | undefined {
  if (ast.type !== 'variable' || ast.predicate !== undefined || ast.keepArray) return undefined;
  const name = ast.value as string;
  if (name === '' || name === '$' || lookupLocal(cx, name) !== undefined) return undefined;
  return name;
}

/** The `definitions:` function `$name` names (a free name), else undefined. */
export function knownFunction(ast: AstNode, cx: Cx): CompiledLambda | undefined {
  const name = freeName(ast, cx);
  if (name === undefined) return undefined;
  const value = cx.base.known(name);
  return value instanceof CompiledLambda ? value : undefined;
}

/** The items of `$name` when it is a known list of strings and nulls (`x in $blank`), else undefined. */
export function knownList(ast: AstNode, cx: Cx): (string | null)[] | undefined {
  const name = freeName(ast, cx);
  if (name === undefined) return undefined;
  const value = cx.base.known(name);
  if (!Array.isArray(value) || (value as { sequence?: unknown }).sequence === true) return undefined;
  if (!value.every((item) => item === null || typeof item === 'string')) return undefined;
  return value as (string | null)[];
}
