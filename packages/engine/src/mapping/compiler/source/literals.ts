/** @module Literals: strings and finite numbers printed as JSON, others (`-0`, non-finite) passed as constants. */
import type { AstNode } from '../ast.js';
import { q, type Writer } from './writer.js';

/** The source of a `string`, `number` or `value` (`true`, `false`, `null`) node. */
export function literal(g: Writer, ast: AstNode): string {
  if (ast.type === 'string') return q(ast.value as string);
  if (ast.type === 'number') {
    const value = ast.value as number;
    return Number.isFinite(value) && !Object.is(value, -0) ? String(value) : g.constant(value);
  }
  return String(ast.value);
}
