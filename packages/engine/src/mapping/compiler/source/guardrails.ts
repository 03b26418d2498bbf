/**
 * @module The guardrails in generated source, kept exactly where the closures keep them.
 *
 * Depth: generated code does not count levels as it goes. The generator knows the depth every node would
 * reach, refuses the whole expression when that could exceed the depth cap, and sets the context's depth to
 * the exact level before it calls a closure or a library function (see `delegation.ts`, `native-call.ts`),
 * so the cap trips where it would otherwise.
 *
 * Time: a loop counts a step per item when the closures would count one, so the time limit holds.
 *
 * Sequences: an array constructor checks the sequence cap as it appends.
 */
import type { AstNode } from '../ast.js';
import type { Limits } from '../context.js';
import { LEAVES } from '../leaves.js';
import { Refuse } from './refuse.js';

/** The deepest level any generated node reaches. */
export class DepthReach {
  private deepest = 0;

  /** A node starting at `depth`. A fused path checks two levels; counting every node so is a safe over-estimate. */
  reach(depth: number): void {
    this.deepest = Math.max(this.deepest, depth + 2);
  }

  /** Refuses the expression when a node could go deeper than the depth cap. */
  check({ maxDepth }: Limits): void {
    if (maxDepth > 0 && this.deepest > maxDepth) throw new Refuse('deeper than the depth cap');
  }
}

/** The statement a loop runs per item to count the step the closures count evaluating `body`, if any. */
export function tick(body: AstNode): string {
  const counts = !LEAVES.has(body.type) || body.predicate !== undefined || body.group !== undefined;
  return counts ? 'context().tick();' : '';
}

/** The statement failing with `D2015` when adding `added` items to the array `t` would pass the cap `max`. */
export function sequenceCap(t: string, added: string, max: number): string {
  return max > 0
    ? `if (${t}.length + ${added} > ${max}) throw R.jsonataError('D2015', { value: ${t}.length + ${added} });`
    : '';
}
