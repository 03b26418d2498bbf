/**
 * @module How many calls the simulator has answered, read from its `GET /__sim/state` (the control route is not
 * an upstream call and counts in no counter). The difference of two readings is what happened between them.
 */
import { request } from 'undici';
import { BenchHttpFailed } from '../errors.js';

export interface UpstreamCalls {
  /** API calls plus token requests. */
  total: number;
  tokenRequests: number;
  /** API calls by `METHOD /route/pattern`. */
  byRoute: Record<string, number>;
}

interface SimulatorState {
  counters: { calls: Record<string, number>; totalCalls: number; tokenRequests: number };
}

export async function readUpstreamCalls(baseUrl: string): Promise<UpstreamCalls> {
  const response = await request(`${baseUrl}/__sim/state`);
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new BenchHttpFailed(`simulator answered ${response.statusCode} to GET /__sim/state`);
  }
  const { counters } = (await response.body.json()) as SimulatorState;
  return {
    total: counters.totalCalls + counters.tokenRequests,
    tokenRequests: counters.tokenRequests,
    byRoute: { ...counters.calls },
  };
}

/** The calls made between `before` and `after` (routes with none left out). */
export function callsBetween(before: UpstreamCalls, after: UpstreamCalls): UpstreamCalls {
  const byRoute: Record<string, number> = {};
  for (const [route, count] of Object.entries(after.byRoute)) {
    const made = count - (before.byRoute[route] ?? 0);
    if (made > 0) byRoute[route] = made;
  }
  return {
    total: after.total - before.total,
    tokenRequests: after.tokenRequests - before.tokenRequests,
    byRoute,
  };
}
