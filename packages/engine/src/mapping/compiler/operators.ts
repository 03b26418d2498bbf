/**
 * @module Binary and unary operators: arithmetic (numbers only, undefined propagates), `=`/`!=` (deep
 * equality, false against undefined), comparisons (strings or numbers, never mixed), `and`/`or` (short
 * circuit), `&` (string concatenation through `$string`), ranges `..` and `in`.
 */
import type { AstNode, Compile, Node } from './ast.js';
import type { EvalContext } from './context.js';
import { jsonataError } from './errors.js';
import { toText } from './functions/text.js';
import { isDeepEqual, isNumeric, isTrue } from './values.js';

type Operation = (lhs: unknown, rhs: unknown, ctx: EvalContext) => unknown;

function numeric(op: (a: number, b: number) => number): Operation {
  return (lhs, rhs) => {
    if (lhs !== undefined && !isNumeric(lhs)) throw jsonataError('T2001', { value: lhs });
    if (rhs !== undefined && !isNumeric(rhs)) throw jsonataError('T2002', { value: rhs });
    if (lhs === undefined || rhs === undefined) return undefined;
    return op(lhs as number, rhs as number);
  };
}

function comparison(op: (a: string | number, b: string | number) => boolean): Operation {
  return (lhs, rhs) => {
    const ltype = typeof lhs;
    const rtype = typeof rhs;
    const lcomparable = ltype === 'undefined' || ltype === 'string' || ltype === 'number';
    const rcomparable = rtype === 'undefined' || rtype === 'string' || rtype === 'number';
    if (!lcomparable || !rcomparable) {
      throw jsonataError('T2010', { value: !(ltype === 'string' || ltype === 'number') ? lhs : rhs });
    }
    if (ltype === 'undefined' || rtype === 'undefined') return undefined;
    if (ltype !== rtype) throw jsonataError('T2009', { value: lhs, value2: rhs });
    return op(lhs as string | number, rhs as string | number);
  };
}

function range(lhs: unknown, rhs: unknown, ctx: EvalContext): unknown {
  if (lhs !== undefined && !Number.isInteger(lhs)) throw jsonataError('T2003', { value: lhs });
  if (rhs !== undefined && !Number.isInteger(rhs)) throw jsonataError('T2004', { value: rhs });
  if (lhs === undefined || rhs === undefined) return undefined;
  const from = lhs as number;
  const to = rhs as number;
  if (from > to) return undefined;
  const size = to - from + 1;
  if (size > 1e7) throw jsonataError('D2014', { value: size });
  const max = ctx.limits.maxSequence;
  if (max > 0 && size > max) throw jsonataError('D2015', { value: size });
  const result = new Array(size) as unknown[] & { sequence?: boolean };
  for (let item = from, index = 0; item <= to; item++, index++) result[index] = item;
  result.sequence = true;
  return result;
}

/** `x in list`: `x` is one of the list's items (or the single value), compared with `===`. */
export function isIn(lhs: unknown, rhs: unknown): boolean {
  if (lhs === undefined || rhs === undefined) return false;
  const candidates = Array.isArray(rhs) ? rhs : [rhs];
  for (const candidate of candidates) if (candidate === lhs) return true;
  return false;
}

/** `-x`: numbers only, undefined propagates. */
export function negate(value: unknown, position: number | undefined): unknown {
  if (value === undefined) return undefined;
  if (isNumeric(value)) return -value;
  throw jsonataError('D1002', { position, token: '-', value });
}

/** The operators other than `and`/`or`, by token (shared with generated source, see `source/`). */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  '+': numeric((a, b) => a + b),
  '-': numeric((a, b) => a - b),
  '*': numeric((a, b) => a * b),
  '/': numeric((a, b) => a / b),
  '%': numeric((a, b) => a % b),
  '=': (lhs, rhs) => (lhs === undefined || rhs === undefined ? false : isDeepEqual(lhs, rhs)),
  '!=': (lhs, rhs) => (lhs === undefined || rhs === undefined ? false : !isDeepEqual(lhs, rhs)),
  '<': comparison((a, b) => a < b),
  '<=': comparison((a, b) => a <= b),
  '>': comparison((a, b) => a > b),
  '>=': comparison((a, b) => a >= b),
  '&': (lhs, rhs) =>
    (lhs === undefined ? '' : (toText(lhs) as string)).concat(
      rhs === undefined ? '' : (toText(rhs) as string),
    ),
  '..': range,
  in: isIn,
};

/** Adds the operator and its position to an error, as jsonata does for every operator failure. */
export function located(error: unknown, ast: AstNode): unknown {
  if (error !== null && typeof error === 'object') {
    const e = error as { position?: unknown; token?: unknown };
    e.position = ast.position;
    e.token = ast.value;
  }
  return error;
}

export function compileBinary(compile: Compile, ast: AstNode): Node {
  const lhs = compile(ast.lhs as AstNode);
  const rhs = compile(ast.rhs as AstNode);
  const op = ast.value as string;
  if (op === 'and' || op === 'or') {
    const isAnd = op === 'and';
    return (input, frame, ctx) => {
      const left = lhs(input, frame, ctx);
      try {
        const l = isTrue(left);
        if (isAnd ? !l : l) return l;
        return isTrue(rhs(input, frame, ctx));
      } catch (error) {
        throw located(error, ast);
      }
    };
  }
  const operation = OPERATIONS[op];
  if (operation === undefined) throw new Error(`unknown operator ${op}`);
  return (input, frame, ctx) => {
    const left = lhs(input, frame, ctx);
    const right = rhs(input, frame, ctx);
    try {
      return operation(left, right, ctx);
    } catch (error) {
      throw located(error, ast);
    }
  };
}

export function compileNegation(compile: Compile, ast: AstNode): Node {
  const operand = compile(ast.expression as AstNode);
  return (input, frame, ctx) => negate(operand(input, frame, ctx), ast.position);
}
