/**
 * @module The shape of jsonata 2.2.2's processed syntax tree (`jsonata(expr).ast()`), as far as the compiler
 * reads it, and the compiled form of one node.
 */
import type { EvalContext } from './context.js';
import type { Frame } from './frame.js';

export interface Signature {
  validate(args: unknown[], context: unknown): unknown[];
  definition?: string;
}

export interface AstNode {
  type: string;
  value?: unknown;
  position?: number;
  name?: string;
  // paths
  steps?: AstNode[];
  stages?: { type: 'filter' | 'index'; expr?: AstNode; value?: string; position?: number }[];
  predicate?: { type: 'filter'; expr: AstNode }[];
  group?: { lhs: [AstNode, AstNode][]; position?: number };
  focus?: string;
  index?: string;
  tuple?: boolean;
  ancestor?: { label: string };
  slot?: { label: string };
  keepArray?: boolean;
  keepSingletonArray?: boolean;
  consarray?: boolean;
  seekingParent?: unknown[];
  // operators
  lhs?: AstNode | [AstNode, AstNode][];
  rhs?: AstNode;
  expression?: AstNode;
  expressions?: AstNode[];
  // sort
  terms?: { descending: boolean; expression: AstNode }[];
  // conditions, blocks
  condition?: AstNode;
  then?: AstNode;
  else?: AstNode;
  // functions
  procedure?: AstNode;
  arguments?: AstNode[];
  signature?: Signature;
  body?: AstNode;
  thunk?: boolean;
  // transform
  pattern?: AstNode;
  update?: AstNode;
  delete?: AstNode;
}

/** One compiled node: the value of the expression for an input, in a variable frame, within an evaluation. */
export type Node = (input: unknown, frame: Frame, ctx: EvalContext) => unknown;

/** Compiles a child node (passed down so that each concept's module does not import the dispatcher). */
export type Compile = (ast: AstNode) => Node;

/** Thrown at compile time for what the compiler does not handle: the expression runs interpreted instead. */
export class NotCompilable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
