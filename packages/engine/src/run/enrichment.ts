/**
 * @module `enrich:` — another resource called once per upstream record (a user's groups, roles, manager), bound
 * as `$enriched.<name>` in `response`. An enrichment runs when the caller asks for it (`expand=<name>`) or is
 * declared `always`. Within a page, the records ahead of the one being mapped are enriched in advance, at most
 * `concurrency` sub-calls per enrichment in flight, through the account's session (same rate budget, retries
 * and auth). A failed sub-call fails the whole answer (`EnrichmentFailed`, retryable): a record is never
 * answered with a field silently missing.
 */
import { isSwitchboardError } from '@switchboard/errors';
import { EnrichmentFailed, InvalidInput, UpstreamStatus } from '../errors.js';
import { callUpstream } from './call-upstream.js';
import { extractRecord } from './extract-records.js';
import type { OperationContext } from './operation-context.js';
import type { EnrichPlan, OperationPlan } from './operation-plan.js';
import { resourcePages } from './page-source.js';
import { resourceRequest } from './resource-request.js';
import { staticResponse } from './static-resource.js';
import { addressOf, type UpstreamAddress } from './upstream-address.js';

/** The enrichments this request runs: `always` ones and those `expand` names. Unknown names are a 400. */
export function activeEnrichments(
  operation: OperationPlan,
  expand: readonly string[] | undefined,
): EnrichPlan[] {
  const declared = new Map(operation.enrich.map((plan) => [plan.name, plan]));
  const unknown = (expand ?? []).filter((name) => !declared.has(name));
  if (unknown.length > 0) {
    const expandable = operation.enrich.filter((plan) => !plan.always).map((plan) => plan.name);
    throw new InvalidInput(
      `cannot expand ${unknown.join(', ')} on ${operation.resource} ${operation.method}; ${
        expandable.length > 0 ? `expandable: ${expandable.join(', ')}` : 'nothing is expandable here'
      }`,
      { details: { field: 'expand', unknown, expandable } },
    );
  }
  const asked = new Set(expand ?? []);
  return operation.enrich.filter((plan) => plan.always || asked.has(plan.name));
}

export interface Enricher {
  /** `$enriched` for record `index` of `records` (starts the next records' sub-calls ahead). */
  forRecord(records: readonly unknown[], index: number): Promise<Record<string, unknown>>;
  /** Stops sub-calls started ahead and waits for them: nothing of the operation outlives its answer. */
  close(): Promise<void>;
}

export function createEnricher(
  context: OperationContext,
  operation: OperationPlan,
  plans: readonly EnrichPlan[],
  filters: Record<string, string>,
): Enricher | undefined {
  if (plans.length === 0) return undefined;
  const controller = new AbortController();
  const signal = context.signal ? AbortSignal.any([context.signal, controller.signal]) : controller.signal;
  // Per enrichment, the sub-calls of the current page by record index.
  let page: readonly unknown[] | undefined;
  let started = plans.map(() => new Map<number, Promise<unknown>>());
  const everything: Promise<unknown>[] = [];

  const start = (p: number, records: readonly unknown[], index: number) => {
    const runs = started[p] as Map<number, Promise<unknown>>;
    if (runs.has(index) || index >= records.length) return;
    const run = enrichOne(context, operation, plans[p] as EnrichPlan, records[index], filters, signal);
    // Awaited in order later; until then a failure must not count as unhandled.
    run.catch(() => undefined);
    runs.set(index, run);
    everything.push(run);
  };

  return {
    async forRecord(records, index) {
      if (records !== page) {
        page = records;
        started = plans.map(() => new Map());
      }
      const enriched: Record<string, unknown> = {};
      for (const [p, plan] of plans.entries()) {
        for (let k = index; k < index + plan.concurrency; k++) start(p, records, k);
      }
      for (const [p, plan] of plans.entries()) {
        const runs = started[p] as Map<number, Promise<unknown>>;
        enriched[plan.name] = await runs.get(index);
        runs.delete(index);
      }
      return enriched;
    },
    async close() {
      controller.abort();
      await Promise.allSettled(everything);
    },
  };
}

/** One record's sub-call: every record of a list (all pages), or one record. */
async function enrichOne(
  context: OperationContext,
  operation: OperationPlan,
  plan: EnrichPlan,
  record: unknown,
  filters: Record<string, string>,
  signal: AbortSignal,
): Promise<unknown> {
  try {
    let address: UpstreamAddress = {};
    if (plan.id) {
      const site = plan.id;
      const value = await site.evaluate(
        record,
        { query: filters, connection: context.connection, now: context.now },
        idOf(record),
      );
      address = addressOf(value, site) ?? {};
    }
    const scope = { ...address, parent: record };
    if (plan.call.method === 'list') {
      const all: unknown[] = [];
      for await (const page of resourcePages(context, { target: plan.call, scope, signal }))
        all.push(...page.records);
      return all;
    }
    if (plan.call.static) {
      return address.id === undefined
        ? undefined
        : staticResponse(context, plan.call.static, address.id).body;
    }
    const request = resourceRequest(context, plan.call, scope);
    const response = await callUpstream(context, request, { target: plan.call, signal });
    return await extractRecord(plan.call, response);
  } catch (error) {
    // An upstream refusal of the sub-call says nothing about the caller's request (a 404 there is not a 404 of
    // the list): it becomes a retryable failure of this answer. Rate limits, timeouts, network and auth
    // failures keep their own (already retryable or actionable) codes.
    if (!isSwitchboardError(error, UpstreamStatus.code)) throw error;
    throw new EnrichmentFailed(
      `${plan.name} of ${operation.resource} record ${String(idOf(record) ?? '?')}`,
      {
        cause: error,
        details: {
          integration: context.integration.name,
          resource: operation.resource,
          enrichment: plan.name,
          retryable: true,
          ...(idOf(record) === undefined ? {} : { record_id: String(idOf(record)) }),
          ...(error.details['remote'] === undefined ? {} : { remote: error.details['remote'] }),
        },
      },
    );
  }
}

function idOf(record: unknown): unknown {
  return record !== null && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
}
