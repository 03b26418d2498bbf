/**
 * @module What the writers of every node kind share: one counter naming temporaries and locals, and values
 * met at generation turned into constants. A node kind is a function of a {@link Writer}, the node, where it
 * sits ({@link Cx}) and the statements written so far (`out`): it pushes the statements computing the node's
 * value and returns a JavaScript expression for it.
 */
import type { AstNode, Node } from '../ast.js';
import type { CompiledLambda } from '../callable.js';
import type { Limits } from '../context.js';
import type { Base } from './free-names.js';
import type { Cx } from './generation-context.js';

export interface Writer {
  readonly limits: Limits;
  /** The closures the source hands subtrees to (`C[i]`). */
  readonly closures: Node[];
  /** Where the free names of each inlined definition resolve, made once per definition. */
  readonly definitionBases: Map<CompiledLambda, Base>;
  /** A node generated, or handed to its closure when part of it cannot be generated. */
  gen(ast: AstNode, cx: Cx, out: string[]): string;
  /** `value` passed to the generated function rather than printed into the source (`K[i]`). */
  constant(value: unknown): string;
  /** A fresh temporary's name. */
  temp(): string;
  /** A fresh name for a generated local (`:=` names and parameters). */
  local(): string;
  /** `value` as something cheap to read twice: a name, a constant or a literal (numbers parenthesised). */
  simple(value: string, out: string[]): string;
}

/** Strings the tree carries enter the source only as JSON literals, never as source text. */
export const q = (text: string) => JSON.stringify(text);
