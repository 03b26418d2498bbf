/**
 * @module Stage 6 — upstream calls per full listing: unified and proxy lists read through the API to the end at a
 * few limits, each listing's upstream calls counted at the simulator (`GET /__sim/state`) and set against the
 * ideal ⌈N/L⌉ (N records returned, L the limit), token requests apart. Counts, not times: exact on any machine.
 */
import { BenchIncompleteRead } from '../errors.js';
import { formatCount } from '../report/format.js';
import type { UpstreamCallsResult, UpstreamCallsRow } from '../results.js';
import { readListing } from '../switchboard/api-client.js';
import type { BenchEnvironment } from '../switchboard/bench-environment.js';
import { callsBetween, readUpstreamCalls } from '../upstream/simulator-counters.js';
import type { StageContext } from './stage-context.js';

interface Listing {
  name: string;
  /** API path and query, without `integrated_account_id`, `limit` and `next_cursor`. */
  path: string;
  /** What the ideal leaves out: calls that are not pages of the listing (a parent read once). */
  note?: string;
  /** Limits besides the profile's (a proxy limit above the upstream's largest page). */
  moreLimits?: readonly number[];
}

/** The role with the most members (the simulator's seeded roles), for the paged proxy get. */
async function largestRole(environment: BenchEnvironment): Promise<string> {
  const roles = await readListing(environment.client, environment.accountId, '/proxy/roles', 100, {
    keep: true,
  });
  let best: { id: string; members: number } | undefined;
  for (const role of roles.items as { id: number }[]) {
    const members = await readListing(
      environment.client,
      environment.accountId,
      `/proxy/role_users/${role.id}`,
      1000,
    );
    if (best === undefined || members.records > best.members)
      best = { id: String(role.id), members: members.records };
  }
  if (best === undefined) throw new BenchIncompleteRead('the simulator holds no role');
  return best.id;
}

export async function runUpstreamCallsStage(context: StageContext): Promise<UpstreamCallsResult> {
  const { users, limits } = context.profile.upstreamCalls;
  const environment = await context.environments.acquire(users, true);
  context.progress('upstream-calls', `${formatCount(users)} users: simulator and API up, account linked`);
  const role = await largestRole(environment);
  const listings: Listing[] = [
    { name: 'unified users', path: '/unified/user-directory/users' },
    {
      name: 'unified role_assignments',
      path: '/unified/user-directory/role_assignments',
      note: 'several per user: ideal counts assignments',
    },
    {
      name: 'unified role_assignments (role_id)',
      path: `/unified/user-directory/role_assignments?role_id=${role}`,
      note: '+1: the role, read once',
    },
    {
      name: 'unified activities',
      path: '/unified/user-directory/activities',
      note: 'v1 pages hold at most 50: above, ⌈N/50⌉',
    },
    {
      name: 'proxy users',
      path: '/proxy/users',
      note: 'pages hold at most 100: above, ⌈N/100⌉ at best',
      moreLimits: [250],
    },
    { name: 'proxy role_users/{id} (paged get)', path: `/proxy/role_users/${role}` },
  ];
  const rows: UpstreamCallsRow[] = [];
  for (const listing of listings) {
    for (const limit of [...limits, ...(listing.moreLimits ?? [])]) {
      const before = await readUpstreamCalls(environment.sim.url);
      const read = await readListing(environment.client, environment.accountId, listing.path, limit);
      const calls = callsBetween(before, await readUpstreamCalls(environment.sim.url));
      const upstreamCalls = calls.total - calls.tokenRequests;
      const ideal = Math.ceil(read.records / limit);
      rows.push({
        listing: listing.name,
        limit,
        records: read.records,
        pages: read.pages,
        upstreamCalls,
        tokenRequests: calls.tokenRequests,
        ideal,
        callsPerIdeal: ideal === 0 ? Number.NaN : upstreamCalls / ideal,
        ...(listing.note === undefined ? {} : { note: listing.note }),
      });
      context.progress(
        'upstream-calls',
        `${listing.name} at limit ${limit}: ${formatCount(read.records)} records, ${upstreamCalls} upstream calls (ideal ${ideal}) + ${calls.tokenRequests} token`,
      );
    }
  }
  return { users, rows };
}
