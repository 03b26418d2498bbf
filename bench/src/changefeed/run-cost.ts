/**
 * @module What one piece of work cost: the upstream calls the simulator answered meanwhile (its counters before
 * and after), the wall clock, and this process's CPU time (the engine, the change feed and SQLite run here; the
 * simulator does not).
 */
import { callsBetween, readUpstreamCalls, type UpstreamCalls } from '../upstream/simulator-counters.js';

export interface RunCost {
  calls: UpstreamCalls;
  seconds: number;
  cpuSeconds: number;
}

export async function measureCost<T>(
  simulatorUrl: string,
  work: () => Promise<T>,
): Promise<RunCost & { result: T }> {
  const before = await readUpstreamCalls(simulatorUrl);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const calls = callsBetween(before, await readUpstreamCalls(simulatorUrl));
  return { result, calls, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}
