/** @module The simulator and the bare forwarder as child processes (see `child-service.ts`). */
import { type ChildService, spawnChild } from './child-service.js';

export interface RunningService {
  readonly service: ChildService;
  readonly url: string;
}

/** The OneLogin simulator with `users` seeded users, zero added latency, no hourly budget, on `port` (0: any). */
export async function startSimulatorProcess(users: number, port = 0): Promise<RunningService> {
  const service = spawnChild('simulator', 'simulator.ts', {
    SIM_USERS: String(users),
    SIM_PORT: String(port),
  });
  return { service, url: await startedOrStopped(service) };
}

/** The bare Fastify + undici forwarder in front of `upstream`. */
export async function startForwarderProcess(upstream: string): Promise<RunningService> {
  const service = spawnChild('bare forwarder', 'bare-forwarder.ts', { UPSTREAM_URL: upstream });
  return { service, url: await startedOrStopped(service) };
}

async function startedOrStopped(service: ChildService): Promise<string> {
  try {
    return await service.ready();
  } catch (error) {
    await service.stop();
    throw error;
  }
}
