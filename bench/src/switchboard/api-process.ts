/**
 * @module One Switchboard API process for the bench: production mode, a fresh SQLite file in a temporary
 * directory, generated secrets, the OneLogin upstream pointed at a simulator and both rate limits off (the
 * simulator's budget and the API's own per-key limit would otherwise throttle the load). `/health` is polled from
 * the moment of spawn, which is also how cold start is timed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { BenchProcessFailed } from '../errors.js';
import { PATHS } from '../paths.js';
import { type ChildService, spawnChild } from '../processes/child-service.js';
import { freePort } from '../processes/free-port.js';

export interface ApiProcess {
  readonly service: ChildService;
  readonly url: string;
  readonly apiKey: string;
  /** Spawn → first `200` from `/health`. */
  readonly healthyAfterMs: number;
  close(): Promise<void>;
}

export interface ApiProcessOptions {
  /** The simulator's base URL (`SWITCHBOARD_UPSTREAM_ONELOGIN`); omitted for cold-start runs. */
  upstream?: string;
  logLevel: string;
  /** Write a V8 CPU profile into this directory when the process exits (`--api-cpu-prof`). */
  cpuProfDir?: string | undefined;
}

const HEALTH_POLL_MS = 5;
const START_TIMEOUT_MS = 120_000;

export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
  const port = await freePort();
  const apiKey = `sb_bench_${randomBytes(24).toString('hex')}`;
  const service = spawnChild(
    'API',
    'api.ts',
    {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dataDir, 'bench.db')}`,
      SWITCHBOARD_DATA_DIR: dataDir,
      // Production requires the public base URL (of connect links); the bench never follows one.
      SWITCHBOARD_PUBLIC_URL: `http://127.0.0.1:${port}`,
      SWITCHBOARD_INTEGRATIONS_DIR: PATHS.integrationsDir,
      SWITCHBOARD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SWITCHBOARD_ADMIN_TOKEN: randomBytes(24).toString('hex'),
      SWITCHBOARD_API_KEY: apiKey,
      SWITCHBOARD_API_RATE_LIMIT: 'off',
      SWITCHBOARD_RATE_LIMIT_ONELOGIN: 'off',
      LOG_LEVEL: options.logLevel,
      ...(options.upstream === undefined ? {} : { SWITCHBOARD_UPSTREAM_ONELOGIN: options.upstream }),
    },
    options.cpuProfDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`],
  );
  const close = async () => {
    await service.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const polling = new AbortController();
  try {
    const healthyAt = await service.race(waitForHealth(url, polling.signal));
    return { service, url, apiKey, healthyAfterMs: healthyAt - service.spawnedAt, close };
  } catch (error) {
    polling.abort();
    await close();
    throw error;
  }
}

/** Polls `/health` until it answers 200; resolves with the `performance.now()` of that answer. */
async function waitForHealth(url: string, signal: AbortSignal): Promise<number> {
  // A private agent: refused connections while the process boots must not poison a shared pool.
  const agent = new Agent({ connect: { timeout: 1000 }, pipelining: 0 });
  const deadline = performance.now() + START_TIMEOUT_MS;
  try {
    while (performance.now() < deadline && !signal.aborted) {
      try {
        const response = await request(`${url}/health`, { dispatcher: agent });
        await response.body.dump();
        if (response.statusCode === 200) return performance.now();
      } catch {
        // Not listening yet.
      }
      await sleep(HEALTH_POLL_MS);
    }
    throw new BenchProcessFailed(`API did not answer /health with 200 within ${START_TIMEOUT_MS / 1000} s`);
  } finally {
    await agent.close();
  }
}
