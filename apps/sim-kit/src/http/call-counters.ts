/** @module The counters the shared request guard keeps; simulators extend them with their own (token calls …). */

export interface CallCounters {
  /** Requests per route, keyed `METHOD /route/pattern` (unmatched paths under `METHOD <unmatched>`). */
  calls: Record<string, number>;
  totalCalls: number;
  /** 429s answered, from the budget or a storm. */
  rateLimited: number;
  /** 5xx answered by an error burst. */
  injectedErrors: number;
  /** 401s (or the provider's equivalent) answered to resource calls. */
  unauthorized: number;
}

export function zeroCallCounters(): CallCounters {
  return { calls: {}, totalCalls: 0, rateLimited: 0, injectedErrors: 0, unauthorized: 0 };
}

export function countCall(counters: CallCounters, key: string): void {
  counters.calls[key] = (counters.calls[key] ?? 0) + 1;
  counters.totalCalls += 1;
}
