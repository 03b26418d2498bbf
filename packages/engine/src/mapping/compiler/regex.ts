/**
 * @module Regex literals `/ab+c/i`: a matcher function answering jsonata's match structure
 * (`{ match, start, end, groups, next }`), the form `$match`, `$replace`, `$split` and `$contains` consume.
 */
import type { AstNode, Node } from './ast.js';
import { jsonataError } from './errors.js';

/**
 * jsonata's match structure. `next` is whatever answers the following match: a matcher made here, or any
 * function a `$match`/`$replace`/`$split` pattern returns, which is only ever called through `apply`.
 */
export interface Match {
  match: string;
  start: number;
  end: number;
  groups: string[];
  next: unknown;
}

export function compileRegex(ast: AstNode): Node {
  const literal = ast.value as RegExp;
  return () => {
    // A fresh RegExp per evaluation: `lastIndex` is state, and evaluations must not share it.
    const re = new RegExp(literal);
    const matcher = (str: string, fromIndex?: number): Match | undefined => {
      re.lastIndex = fromIndex || 0;
      const found = re.exec(str);
      if (found === null) return undefined;
      const result: Match = {
        match: found[0],
        start: found.index,
        end: found.index + found[0].length,
        groups: found.slice(1) as string[],
        next: () => {
          if (re.lastIndex >= str.length) return undefined;
          const next = matcher(str, re.lastIndex);
          if (next && next.match === '') {
            throw jsonataError('D1004', { position: ast.position, value: literal.source });
          }
          return next;
        },
      };
      return result;
    };
    return matcher;
  };
}
