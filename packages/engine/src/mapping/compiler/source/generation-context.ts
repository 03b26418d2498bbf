/** @module Where a node is generated: the scopes around it, its input and the depth it runs at. */
import type { CompiledLambda } from '../callable.js';
import type { Base } from './free-names.js';
import type { Scope } from './scopes.js';

export interface Cx {
  readonly scope: Scope | undefined;
  readonly base: Base;
  /** Source of the context value (`$`): never an array (the entry and inlining check it). */
  readonly input: string;
  readonly inputUndefined: boolean;
  /** The evaluation context's depth when this node starts (as the closures count it). */
  readonly depth: number;
  /** Inside an inlined function body: where its tail calls run (the caller's trampoline). */
  readonly tail: { depth: number; input: string } | undefined;
  readonly inlining: readonly CompiledLambda[];
}

/** A child node's context: one level deeper, as the closures count it. */
export function child(cx: Cx): Cx {
  return { ...cx, depth: cx.depth + 1 };
}
