/**
 * The run's budget manners against a scripted source (the engine-backed source is exercised end to end in
 * apps/api): it reads one page at a time and waits for the upstream's reset once less than the reserve is left.
 */

import { createError } from '@switchboard/errors';
import type { ChangeBatch, ChangeFeedRepository, SyncRun } from '@switchboard/store';
import { describe, expect, it } from 'vitest';
import type { RecordSource, SourcePage } from './record-source.js';
import { executeRun } from './sync-run.js';

const UpstreamDown = createError('SB_ERR_TEST_UPSTREAM_DOWN', (message: string) => message);

const run: SyncRun = {
  id: 'run_1',
  account_id: 'ia_1',
  environment_id: 'env_1',
  mode: 'full',
  status: 'running',
  counts: { read: 0, created: 0, updated: 0, deleted: 0 },
  error: null,
  started_at: '2026-12-01T00:00:00.000Z',
  finished_at: null,
};

/** Just enough of the repository for a baseline run, recording what was committed. */
function memoryFeed(commits: ChangeBatch[]): ChangeFeedRepository {
  const feed: Partial<ChangeFeedRepository> = {
    lastSucceededRun: async () => undefined,
    versions: async () => new Map(),
    unseenVersions: async () => new Map(),
    commit: async (batch) => {
      commits.push(batch);
      return [];
    },
    renewRun: async () => undefined,
    finishRun: async () => undefined,
  };
  return feed as ChangeFeedRepository;
}

function source(pages: SourcePage[], log: string[]): RecordSource {
  return {
    filters: () => [],
    async *pages() {
      for (const [index, page] of pages.entries()) {
        log.push(`page ${index + 1}`);
        yield page;
      }
    },
  };
}

describe('a sync run', () => {
  it('waits for the reset when the upstream has less than the reserve left, leaving it to interactive calls', async () => {
    const log: string[] = [];
    const commits: ChangeBatch[] = [];
    const page = (id: string, remaining: number): SourcePage => ({
      records: [{ id }],
      rateLimit: { limit: 100, remaining, reset: 42 },
    });
    const finished = await executeRun(
      {
        feed: memoryFeed(commits),
        source: source([page('1', 50), page('2', 19), page('3', 80)], log),
        now: () => new Date('2026-12-01T00:00:00Z'),
        sleep: async (ms) => {
          log.push(`sleep ${ms}`);
        },
      },
      { id: 'ia_1', environmentId: 'env_1', tenantId: 't', integration: 'onelogin' },
      run,
      ['users'],
    );
    expect(finished.status).toBe('succeeded');
    expect(finished.counts.read).toBe(3);
    expect(log).toEqual(['page 1', 'page 2', 'sleep 42000', 'page 3']);
    // A baseline stores every version and emits nothing.
    expect(commits.flatMap((batch) => batch.seen.map((seen) => seen.recordId))).toEqual(['1', '2', '3']);
    expect(commits.flatMap((batch) => batch.events)).toEqual([]);
  });

  it('fails with the upstream error message and keeps what committed before it', async () => {
    const commits: ChangeBatch[] = [];
    const failing: RecordSource = {
      filters: () => [],
      async *pages() {
        yield { records: [{ id: '1' }] };
        throw new UpstreamDown('upstream answered HTTP 503');
      },
    };
    const finished = await executeRun(
      { feed: memoryFeed(commits), source: failing, now: () => new Date(), sleep: async () => undefined },
      { id: 'ia_1', environmentId: 'env_1', tenantId: 't', integration: 'onelogin' },
      run,
      ['users'],
    );
    expect(finished).toEqual(
      expect.objectContaining({ status: 'failed', error: 'upstream answered HTTP 503' }),
    );
    expect(commits).toHaveLength(1);
  });
});

describe('a failed run', () => {
  it('keeps only coded messages: an unexpected error is not shown to the API caller', async () => {
    const failing: RecordSource = {
      filters: () => [],
      // biome-ignore lint/correctness/useYield: a source that fails before its first page
      async *pages() {
        throw new TypeError('Cannot read properties of undefined (reading "secret-looking internals")');
      },
    };
    const finished = await executeRun(
      { feed: memoryFeed([]), source: failing, now: () => new Date(), sleep: async () => undefined },
      { id: 'ia_1', environmentId: 'env_1', tenantId: 't', integration: 'onelogin' },
      run,
      ['users'],
    );
    expect(finished.error).toBe('internal error (see the server logs)');
  });
});
