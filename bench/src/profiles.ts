/** @module How long and how large each stage runs: the full profile, and `--quick` (about 40 seconds in all on an idle 2-core machine). */

export const STAGE_NAMES = [
  'mapping',
  'cold-start',
  'unified-list',
  'proxy',
  'change-feed',
  'upstream-calls',
] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface Profile {
  mode: 'quick' | 'full';
  mapping: {
    /** Simulator records per resource (groups and roles have only a dozen each). */
    sampleRecords: number;
    /** Engine and hand-written rounds alternate so drift hits both; the median round counts. */
    rounds: number;
    roundMs: number;
    warmupMs: number;
  };
  unifiedList: {
    /** Smallest first; RSS growth is measured from the first size to the last. */
    sizes: readonly number[];
    runs: number;
    /** Pages read (raw and unified) before measuring, so neither side pays for JIT warm-up. */
    warmupPages: number;
  };
  proxy: {
    connections: number;
    durationSeconds: number;
    warmupSeconds: number;
    /** `limit` of every proxied list call (and of the baselines' upstream call). */
    pageLimit: number;
    /** The largest unified-list size, so the proxy reuses that environment rather than booting another. */
    simulatorUsers: number;
    /** Also load the simulator directly (the ceiling both forwarders share; context only). */
    measureDirect: boolean;
    /** Also load the forwarder and the proxy at `limit=1`: a request's cost apart from its records. */
    measureOneItem: boolean;
  };
  coldStart: { samples: number };
  changeFeed: {
    /** Users in the simulator the runs read. */
    users: number;
    /** Changes made in the simulator before each run after the baseline (edits, then one new user). */
    changes: number;
  };
  upstreamCalls: {
    /** Users in the simulator the listings read. */
    users: number;
    /** Each listing is read to the end once per limit. */
    limits: readonly number[];
  };
}

export const FULL: Profile = {
  mode: 'full',
  mapping: { sampleRecords: 2000, rounds: 5, roundMs: 1000, warmupMs: 500 },
  unifiedList: { sizes: [10_000, 100_000], runs: 3, warmupPages: 20 },
  proxy: {
    connections: 32,
    durationSeconds: 10,
    warmupSeconds: 2,
    pageLimit: 50,
    simulatorUsers: 100_000,
    measureDirect: true,
    measureOneItem: true,
  },
  coldStart: { samples: 5 },
  changeFeed: { users: 10_000, changes: 5 },
  upstreamCalls: { users: 1000, limits: [7, 30, 100] },
};

export const QUICK: Profile = {
  mode: 'quick',
  mapping: { sampleRecords: 300, rounds: 3, roundMs: 250, warmupMs: 100 },
  unifiedList: { sizes: [2000, 10_000], runs: 1, warmupPages: 20 },
  proxy: {
    connections: 32,
    durationSeconds: 3,
    warmupSeconds: 1,
    pageLimit: 50,
    simulatorUsers: 10_000,
    measureDirect: false,
    measureOneItem: false,
  },
  coldStart: { samples: 1 },
  changeFeed: { users: 2000, changes: 5 },
  upstreamCalls: { users: 237, limits: [7, 30, 100] },
};
