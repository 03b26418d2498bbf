/**
 * @module Stage 5 — change feed: what a sync run costs upstream and in time, for a simulator holding N users,
 * against the same-run baseline of reading every user straight from the simulator. Two synced resource sets,
 * each on its own account: users alone (OneLogin can filter users on `updated_at`, so incremental runs read only
 * what changed) and users + groups + role assignments (what `pnpm start` syncs; groups and role assignments cannot
 * be filtered that way, so every run reads them completely). Per set: the silent baseline run, then a few changes
 * in the simulator and an incremental run, then a few more and a full run. Each run after the baseline must
 * record exactly one event per change, or the stage fails: a fast run that misses changes would mean nothing.
 */
import { Agent } from 'undici';
import { changeDirectory } from '../changefeed/directory-changes.js';
import { measureCost, type RunCost } from '../changefeed/run-cost.js';
import { SyncHarness } from '../changefeed/sync-harness.js';
import { BenchIncompleteRead } from '../errors.js';
import { startSimulatorProcess } from '../processes/helper-processes.js';
import { formatCount, formatRatio, formatSeconds } from '../report/format.js';
import type { ChangeFeedResult, ChangeFeedRow } from '../results.js';
import { ratio } from '../stats/statistics.js';
import { unifiedListMaxLimit } from '../switchboard/unified-limit.js';
import { readUsersRaw } from '../upstream/raw-user-reader.js';
import type { StageContext } from './stage-context.js';

const RESOURCE_SETS: readonly (readonly string[])[] = [['users'], ['users', 'groups', 'role_assignments']];

type Measured = RunCost & { result: { recordsRead: number; events: number | null } };

export async function runChangeFeedStage(context: StageContext): Promise<ChangeFeedResult> {
  const { users, changes } = context.profile.changeFeed;
  const limit = await unifiedListMaxLimit('user-directory', 'users');
  // The earlier stages' API and simulator would only compete for the CPU.
  await context.environments.close();
  const sim = await startSimulatorProcess(users);
  const dispatcher = new Agent({ connections: 4 });
  let harness: SyncHarness | undefined;
  try {
    harness = await SyncHarness.start(sim.url);
    context.progress('change-feed', `${formatCount(users)} users: simulator up, SQLite store ready`);
    const measure = (work: () => Promise<Measured['result']>) => measureCost(sim.url, work);

    await readUsersRaw(sim.url, limit, dispatcher, context.profile.unifiedList.warmupPages);
    const raw = await measure(async () => {
      const read = await readUsersRaw(sim.url, limit, dispatcher);
      if (read.records !== users) {
        throw new BenchIncompleteRead(
          `raw upstream read returned ${read.records} users; the simulator holds ${users}`,
        );
      }
      return { recordsRead: read.records, events: null };
    });
    const row = (
      run: string,
      resources: readonly string[],
      measured: Measured,
      changesBefore: number,
    ): ChangeFeedRow => ({
      run,
      resources: [...resources],
      upstreamCalls: measured.calls.total,
      callsByRoute: measured.calls.byRoute,
      seconds: measured.seconds,
      cpuSeconds: measured.cpuSeconds,
      recordsRead: measured.result.recordsRead,
      events: measured.result.events,
      changesBefore,
      timeRatio: ratio(measured.seconds, raw.seconds),
      callsRatio: ratio(measured.calls.total, raw.calls.total),
    });
    const rows: ChangeFeedRow[] = [row('raw upstream read', [], raw, 0)];
    context.progress(
      'change-feed',
      `raw upstream read: ${formatCount(raw.calls.total)} calls, ${formatSeconds(raw.seconds)}`,
    );

    let batch = 0;
    for (const resources of RESOURCE_SETS) {
      const account = await harness.account(resources);
      const sync = async (mode: 'full' | 'incremental', name: string, changesBefore: number) => {
        const measured = await measure(async () => {
          const run = await account.run(mode);
          const events = run.counts.created + run.counts.updated + run.counts.deleted;
          return { recordsRead: run.counts.read, events };
        });
        if (measured.result.events !== changesBefore) {
          throw new BenchIncompleteRead(
            `${name} of ${resources.join(', ')} recorded ${measured.result.events} events after ${changesBefore} changes`,
          );
        }
        rows.push(row(name, resources, measured, changesBefore));
        context.progress(
          'change-feed',
          `${resources.join('+')} ${name}: ${formatCount(measured.calls.total)} calls, ${formatCount(measured.result.recordsRead)} records, ${measured.result.events} events, ${formatSeconds(measured.seconds)} (CPU ${formatSeconds(measured.cpuSeconds)}; ${formatRatio(ratio(measured.seconds, raw.seconds))} of the raw read)`,
        );
      };
      await sync('full', 'baseline run', 0);
      await changeDirectory(sim.url, changes, ++batch, dispatcher);
      await sync('incremental', 'incremental run', changes);
      await changeDirectory(sim.url, changes, ++batch, dispatcher);
      await sync('full', 'full run', changes);
    }
    return { users, pageLimit: limit, rows };
  } finally {
    await harness?.close();
    await dispatcher.close();
    await sim.service.stop();
  }
}
