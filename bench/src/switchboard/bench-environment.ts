/**
 * @module What the unified-list and proxy stages run against: a simulator process, an API process pointed at it
 * with a linked OneLogin account, and (on demand) the bare forwarder. The simulator and the API boot side by side
 * (the simulator's port is chosen first), which keeps `--quick` short; nothing is measured while they boot.
 */
import { Agent } from 'undici';
import { freePort } from '../processes/free-port.js';
import {
  type RunningService,
  startForwarderProcess,
  startSimulatorProcess,
} from '../processes/helper-processes.js';
import { type ApiTarget, linkOneLoginAccount } from './api-client.js';
import { type ApiProcess, startApiProcess } from './api-process.js';

export interface BenchEnvironment {
  readonly sim: RunningService;
  readonly api: ApiProcess;
  /** The bench's own client for the API (keep-alive). */
  readonly client: ApiTarget;
  readonly accountId: string;
  readonly users: number;
  /** Starts the bare forwarder in front of the simulator (once) and answers it. */
  forwarder(): Promise<RunningService>;
  close(): Promise<void>;
}

export interface EnvironmentOptions {
  users: number;
  apiLogLevel: string;
  /** See `--api-cpu-prof`. */
  apiCpuProfDir?: string | undefined;
}

export async function startEnvironment(options: EnvironmentOptions): Promise<BenchEnvironment> {
  const simPort = await freePort();
  const started = await Promise.allSettled([
    startSimulatorProcess(options.users, simPort),
    startApiProcess({
      upstream: `http://127.0.0.1:${simPort}`,
      logLevel: options.apiLogLevel,
      cpuProfDir: options.apiCpuProfDir,
    }),
  ] as const);
  const [simStart, apiStart] = started;
  const sim = simStart.status === 'fulfilled' ? simStart.value : undefined;
  const api = apiStart.status === 'fulfilled' ? apiStart.value : undefined;
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  let forwarder: Promise<RunningService> | undefined;
  const close = async () => {
    await dispatcher.close();
    await (await forwarder?.catch(() => undefined))?.service.stop();
    await api?.close();
    await sim?.service.stop();
  };
  try {
    if (simStart.status === 'rejected') throw simStart.reason;
    if (apiStart.status === 'rejected') throw apiStart.reason;
    const ready = { sim: sim as RunningService, api: api as ApiProcess };
    const client: ApiTarget = { url: ready.api.url, apiKey: ready.api.apiKey, dispatcher };
    const accountId = await linkOneLoginAccount(client);
    return {
      ...ready,
      client,
      accountId,
      users: options.users,
      forwarder: () => {
        forwarder ??= startForwarderProcess(ready.sim.url);
        return forwarder;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
