/**
 * @module Order-by `^(<a, >b)`: a stable merge sort on the terms in priority order, undefined last, strings
 * and numbers only and never mixed.
 */
import type { AstNode, Compile } from './ast.js';
import type { EvalContext } from './context.js';
import { jsonataError } from './errors.js';
import type { Frame } from './frame.js';
import { mergeSort } from './functions/higher-order.js';
import type { Sequence } from './sequence.js';
import { frameFromTuple, type Tuple } from './tuples.js';

export type SortStep = (input: unknown[], frame: Frame, ctx: EvalContext) => unknown;

export function compileSortStep(compile: Compile, ast: AstNode): SortStep {
  const terms = (ast.terms ?? []).map((term) => ({
    descending: term.descending,
    node: compile(term.expression),
  }));
  const position = ast.position;
  return (input, frame, ctx) => {
    const tuples = (input as Sequence).tupleStream === true;
    const termOf = (item: unknown, node: (typeof terms)[number]['node']) =>
      tuples ? node((item as Tuple)['@'], frameFromTuple(frame, item as Tuple), ctx) : node(item, frame, ctx);
    const swap = (a: unknown, b: unknown): boolean => {
      let comp = 0;
      for (let index = 0; comp === 0 && index < terms.length; index++) {
        const term = terms[index] as (typeof terms)[number];
        const aa = termOf(a, term.node);
        const bb = termOf(b, term.node);
        const atype = typeof aa;
        const btype = typeof bb;
        if (atype === 'undefined') {
          comp = btype === 'undefined' ? 0 : 1;
          continue;
        }
        if (btype === 'undefined') {
          comp = -1;
          continue;
        }
        if (!(atype === 'string' || atype === 'number') || !(btype === 'string' || btype === 'number')) {
          throw jsonataError('T2008', {
            position,
            value: !(atype === 'string' || atype === 'number') ? aa : bb,
          });
        }
        if (atype !== btype) throw jsonataError('T2007', { position, value: aa, value2: bb });
        if (aa === bb) continue;
        comp = (aa as number) < (bb as number) ? -1 : 1;
        if (term.descending === true) comp = -comp;
      }
      return comp === 1;
    };
    if (input === undefined) return undefined;
    if (input.length <= 1) return input;
    return mergeSort(ctx, input, swap);
  };
}
