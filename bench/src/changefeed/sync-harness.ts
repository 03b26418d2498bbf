/**
 * @module Sync runs as the API runs them, in this process: `ChangeFeedService` over a fresh SQLite store in a
 * temporary folder and the API's engine-backed record source (`accountSources`), the engine loading
 * `integrations/onelogin.yaml` with the simulator as its upstream and its rate budget off (as in every stage).
 * One integrated account per synced resource set, so each set starts from its own silent baseline.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountSources } from '@switchboard/api';
import { ChangeFeedService, webhookDispatcher } from '@switchboard/changefeed';
import { createEngine, type Engine, loadIntegrationFile } from '@switchboard/engine';
import { SIMULATOR_DEFAULTS } from '@switchboard/sim-onelogin';
import { openStore, type Store, type SyncMode, type SyncRun } from '@switchboard/store';
import { BenchSyncRunFailed } from '../errors.js';
import { PATHS } from '../paths.js';

export interface SyncAccountHandle {
  /** Starts and executes one run of this account; throws when it does not succeed. */
  run(mode: SyncMode): Promise<SyncRun>;
}

export class SyncHarness {
  private constructor(
    private readonly dir: string,
    private readonly store: Store,
    private readonly engine: Engine,
    private readonly service: ChangeFeedService,
    private readonly environmentId: string,
  ) {}

  static async start(simulatorUrl: string): Promise<SyncHarness> {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-changefeed-'));
    const store = await openStore({
      url: `sqlite:${join(dir, 'switchboard.db')}`,
      encryptionKey: randomBytes(32),
    });
    const engine = createEngine({
      integrations: [await loadIntegrationFile(PATHS.oneLoginFile)],
      cursorSecret: randomBytes(32),
      tokenStore: store.tokens,
      upstreamOverrides: { onelogin: simulatorUrl },
      rateLimitOverrides: { onelogin: 'off' },
    });
    const service = new ChangeFeedService({
      store,
      sourceFor: accountSources(engine, store),
      // No webhook is registered: runs write events and no deliveries.
      dispatcher: webhookDispatcher(false),
      allowPrivateNetworks: false,
    });
    const environment = await store.environments.create('bench');
    return new SyncHarness(dir, store, engine, service, environment.id);
  }

  /** A linked OneLogin account syncing `resources` (stored as the API stores one: credentials sealed). */
  async account(resources: readonly string[]): Promise<SyncAccountHandle> {
    const account = await this.store.accounts.create(this.environmentId, {
      integration: 'onelogin',
      tenantId: `bench-${resources.join('-')}`,
      connection: {
        subdomain: 'bench',
        client_id: SIMULATOR_DEFAULTS.clientId,
        client_secret: SIMULATOR_DEFAULTS.clientSecret,
      },
      secretFields: [...this.engine.integration('onelogin').secretFields],
    });
    // A long interval: runs happen only when the stage asks.
    await this.store.changeFeed.putSettings(
      this.environmentId,
      account.id,
      { resources: [...resources], intervalMs: 24 * 3_600_000 },
      new Date(),
    );
    return {
      run: async (mode) => {
        const { run } = await this.service.start(this.environmentId, account.id, mode);
        const finished = await this.service.execute(run);
        if (finished.status !== 'succeeded') {
          throw new BenchSyncRunFailed(
            `${mode} sync run of ${resources.join(', ')} failed: ${finished.error ?? 'no reason'}`,
          );
        }
        return finished;
      },
    };
  }

  async close(): Promise<void> {
    await this.engine.close();
    await this.store.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}
