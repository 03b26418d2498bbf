/**
 * @module The dispatcher: one syntax-tree node → one closure, wrapped as jsonata's `evaluate()` wraps every node
 * (guardrail step and depth, predicates and group-by on non-path nodes, and sequence normalisation).
 */
import type { AstNode, Node } from './ast.js';
import { NotCompilable } from './ast.js';
import { compileApply, compileCall, compileLambda, compilePartial } from './calls.js';
import { compileArray, compileGroup } from './constructors.js';
import { compileBind, compileBlock, compileCondition, compileVariable } from './control.js';
import { jsonataError } from './errors.js';
import { LEAVES } from './leaves.js';
import { localNames } from './locals.js';
import { compileBinary, compileNegation } from './operators.js';
import { compileFilter, compileFusedPath, compilePath, descendants, lookupName, wildcard } from './paths.js';
import { compileRegex } from './regex.js';
import { normalize } from './sequence.js';
import { compileTransform } from './transform.js';

/** The local names of the expression being compiled (set by {@link compileExpressionTree}). */
let currentLocals: ReadonlySet<string> = new Set();

/** Compiles a whole expression tree: its local names first, then the nodes. */
export function compileExpressionTree(ast: AstNode): Node {
  const outer = currentLocals;
  currentLocals = localNames(ast);
  try {
    return compileNode(ast);
  } finally {
    currentLocals = outer;
  }
}

/**
 * Compiles a subtree of an expression whose local names are `locals` (those of the whole expression): what
 * generated source hands the nodes it does not generate itself (see `source/`).
 */
export function compileSubtree(ast: AstNode, locals: ReadonlySet<string>): Node {
  const outer = currentLocals;
  currentLocals = locals;
  try {
    return compileNode(ast);
  } finally {
    currentLocals = outer;
  }
}

/** Nodes whose result is a normalised child result, or never a sequence (operators other than `..`). */
function passesNormalized(ast: AstNode): boolean {
  switch (ast.type) {
    case 'condition':
    case 'block':
    case 'bind':
      return true;
    case 'binary':
      return ast.value !== '..';
    default:
      return false;
  }
}

function compileInner(ast: AstNode): Node {
  switch (ast.type) {
    case 'path':
      return compilePath(compileNode, ast);
    case 'binary':
      return compileBinary(compileNode, ast);
    case 'unary':
      if (ast.value === '-') return compileNegation(compileNode, ast);
      if (ast.value === '[') return compileArray(compileNode, ast);
      if (ast.value === '{') {
        const group = compileGroup(compileNode, {
          lhs: ast.lhs as [AstNode, AstNode][],
          position: ast.position as number,
        });
        return group;
      }
      throw new NotCompilable(`unary operator ${String(ast.value)}`);
    case 'name': {
      const name = ast.value as string;
      return (input, _frame, ctx) => lookupName(ctx, input, name);
    }
    case 'string':
    case 'number':
    case 'value': {
      const value = ast.value;
      return () => value;
    }
    case 'wildcard':
      return (input, _frame, ctx) => wildcard(ctx, input);
    case 'descendant':
      return (input, _frame, ctx) => descendants(ctx, input);
    case 'parent': {
      const label = (ast.slot as { label: string }).label;
      return (_input, frame) => frame.lookup(label);
    }
    case 'condition':
      return compileCondition(compileNode, ast);
    case 'block':
      return compileBlock(compileNode, ast);
    case 'bind':
      return compileBind(compileNode, ast);
    case 'regex':
      return compileRegex(ast);
    case 'function':
      return compileCall(compileNode, ast)();
    case 'variable':
      return compileVariable(ast, currentLocals);
    case 'lambda':
      return compileLambda(compileNode, ast);
    case 'partial':
      return compilePartial(compileNode, ast);
    case 'apply':
      return compileApply(compileNode, ast);
    case 'transform':
      return compileTransform(compileNode, ast);
    default:
      throw new NotCompilable(`expression type ${ast.type}`);
  }
}

export function compileNode(ast: AstNode): Node {
  if (ast.type === 'path' && ast.predicate === undefined) {
    const fused = compileFusedPath(compileNode, ast);
    if (fused !== undefined) return fused;
  }
  if (ast.type === 'function' && ast.predicate === undefined && ast.group === undefined) {
    return compileCall(compileNode, ast, true)();
  }
  const inner = compileInner(ast);
  const filters = ast.predicate?.map((predicate) => compileFilter(compileNode, predicate.expr)) ?? [];
  const group =
    ast.type !== 'path' && ast.group !== undefined ? compileGroup(compileNode, ast.group) : undefined;
  const keepArray = ast.keepArray === true;
  if (filters.length === 0 && group === undefined && LEAVES.has(ast.type)) {
    // jsonata counts a level for every node; a leaf's level is never the one that nests further, so checking
    // that it would fit is the same check, without the counting.
    return (input, frame, ctx) => {
      const { maxDepth } = ctx.limits;
      if (ctx.depth >= maxDepth && maxDepth > 0) throw jsonataError('D1011', { value: maxDepth });
      return normalize(inner(input, frame, ctx), keepArray);
    };
  }
  if (filters.length === 0 && group === undefined && !keepArray && passesNormalized(ast)) {
    // The result is a child's result, already normalised (normalising is idempotent), or a scalar.
    return (input, frame, ctx) => {
      ctx.enter();
      const result = inner(input, frame, ctx);
      ctx.leave();
      return result;
    };
  }
  if (filters.length === 0 && group === undefined) {
    return (input, frame, ctx) => {
      ctx.enter();
      const result = normalize(inner(input, frame, ctx), keepArray);
      ctx.leave();
      return result;
    };
  }
  return (input, frame, ctx) => {
    ctx.enter();
    let result = inner(input, frame, ctx);
    for (const filter of filters) result = filter(result, frame, ctx);
    if (group !== undefined) result = group(result, frame, ctx);
    result = normalize(result, keepArray);
    ctx.leave();
    return result;
  };
}
