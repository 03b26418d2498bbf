/**
 * @module `for_each`: read every parent record, then the child pages of each parent in parent order. Up to
 * `concurrency` parents have their first child page fetched ahead while the current one is consumed, so at most
 * `concurrency` child requests are in flight. Positions are (parent page, parent index, child page), so unified
 * cursors resume inside a fan-out exactly like inside a flat list.
 */
import type { FanOutPosition } from '../cursor/list-position.js';
import { FIRST_PAGE, type Page } from '../http/pagination/paginate.js';
import type { PagePosition } from '../http/pagination/strategy.js';
import type { MappingSite } from '../mapping/mapping-failure.js';
import { callUpstream } from './call-upstream.js';
import { extractRecord } from './extract-records.js';
import type { OperationContext } from './operation-context.js';
import type { FanOutPlan } from './operation-plan.js';
import { type ResourcePagesInput, resourcePages, type SourcePage } from './page-source.js';
import { resourceRequest } from './resource-request.js';
import { staticResponse } from './static-resource.js';

export interface FanOutInput {
  plan: FanOutPlan;
  /** The child call, without parent, start or signal. */
  child: Omit<ResourcePagesInput, 'scope' | 'start' | 'signal'>;
  start?: FanOutPosition | undefined;
  /** Input of `for_each.id` (the unified filters). */
  filters: Record<string, string>;
  /** The one parent of a `get` fan-out, carried in the cursor: not read again. */
  carriedParent?: { record: unknown } | undefined;
  errorSite?: MappingSite | undefined;
}

interface ParentPage {
  position: PagePosition;
  next: PagePosition | null;
  stop?: string | undefined;
  records: unknown[];
}

interface ChildRun {
  iterator: AsyncGenerator<Page>;
  first: Promise<IteratorResult<Page>>;
}

export async function* fanOutPages(
  context: OperationContext,
  input: FanOutInput,
): AsyncGenerator<SourcePage> {
  const { plan } = input;
  // Stops prefetched child requests when the consumer has enough records or fails.
  const controller = new AbortController();
  const signal = context.signal ? AbortSignal.any([context.signal, controller.signal]) : controller.signal;
  let resume = input.start;
  // Child reads started ahead and not consumed yet; settled before this generator ends so nothing of this
  // operation (requests, trace entries) outlives its answer.
  let runs = new Map<number, ChildRun>();
  try {
    for await (const parentPage of parentPages(context, input, signal)) {
      context.trace?.add({
        kind: 'page',
        label: plan.call.label,
        recordsIn: parentPage.records.length,
        recordsOut: parentPage.records.length,
        ...(parentPage.stop ? { stop: parentPage.stop } : {}),
      });
      const parents = parentPage.records;
      const firstAt = resume ? resume.at : 0;
      const childStart = resume?.child;
      resume = undefined;
      runs = new Map<number, ChildRun>();
      let launched = firstAt;
      const launch = (k: number) => {
        const iterator = resourcePages(context, {
          ...input.child,
          scope: { parent: parents[k] },
          start: k === firstAt ? childStart : undefined,
          signal,
        });
        const first = iterator.next();
        // Awaited later, in order; until then a failure must not count as unhandled.
        first.catch(() => undefined);
        runs.set(k, { iterator, first });
      };

      for (let k = firstAt; k < parents.length; k++) {
        while (launched < parents.length && launched < k + plan.concurrency) launch(launched++);
        const run = runs.get(k) as ChildRun;
        runs.delete(k);
        for (let result = await run.first; !result.done; result = await run.iterator.next()) {
          const page = result.value;
          const at = (index: number, child: PagePosition): FanOutPosition => ({
            parent: parentPage.position,
            at: index,
            child,
          });
          const next: FanOutPosition | null = page.next
            ? at(k, page.next)
            : k + 1 < parents.length
              ? at(k + 1, FIRST_PAGE)
              : parentPage.next
                ? { parent: parentPage.next, at: 0, child: FIRST_PAGE }
                : null;
          yield {
            position: at(k, page.position),
            next,
            stop: page.stop,
            label: input.child.target.label,
            records: page.records,
            response: page.response,
            parent: parents[k],
          };
        }
      }
    }
  } finally {
    controller.abort();
    await Promise.allSettled([...runs.values()].map((run) => run.first));
  }
}

/** The parents: every record of the parent list, or the one record `for_each.id` names. */
async function* parentPages(
  context: OperationContext,
  input: FanOutInput,
  signal: AbortSignal,
): AsyncGenerator<ParentPage> {
  const { plan } = input;
  if (plan.call.method !== 'list') {
    if (input.carriedParent !== undefined) {
      yield { position: FIRST_PAGE, next: null, stop: 'unpaginated', records: [input.carriedParent.record] };
      return;
    }
    const id =
      plan.id === undefined
        ? undefined
        : await plan.id.evaluate(input.filters, {
            query: input.filters,
            connection: context.connection,
            now: context.now,
          });
    const parentId = id === undefined || id === null ? undefined : String(id);
    const request = resourceRequest(context, plan.call, { id: parentId });
    const response = plan.call.static
      ? staticResponse(context, plan.call.static, parentId)
      : await callUpstream(context, request, { target: plan.call, errorSite: input.errorSite, signal });
    const record = await extractRecord(plan.call, response);
    yield {
      position: FIRST_PAGE,
      next: null,
      stop: 'unpaginated',
      records: record === null || record === undefined ? [] : [record],
    };
    return;
  }
  yield* resourcePages(context, {
    target: plan.call,
    start: input.start?.parent,
    errorSite: input.errorSite,
    signal,
  });
}
