/**
 * @module Where the CPU of one read went: the simulator, the API and the bench's own client, each measured around
 * the read. A sequential page-by-page read keeps one process busy at a time, so these add up to most of its wall
 * time, and they say which process a ratio is made of (a slow API or a client parsing twice the bytes).
 */
import { readProcessCpuMs } from './process-cpu.js';

/** CPU milliseconds per process; `null` for one whose CPU cannot be read (no procfs). */
export interface CpuSplit {
  simulatorMs: number | null;
  /** Null for a read that does not go through the API. */
  apiMs: number | null;
  clientMs: number;
}

export async function withCpuSplit<T>(
  pids: { simulator: number; api?: number },
  read: () => Promise<T>,
): Promise<{ result: T; cpu: CpuSplit }> {
  const simulatorBefore = await readProcessCpuMs(pids.simulator);
  const apiBefore = pids.api === undefined ? undefined : await readProcessCpuMs(pids.api);
  const clientBefore = process.cpuUsage();
  const result = await read();
  const client = process.cpuUsage(clientBefore);
  const simulatorAfter = await readProcessCpuMs(pids.simulator);
  const apiAfter = pids.api === undefined ? undefined : await readProcessCpuMs(pids.api);
  const spent = (before: number | undefined, after: number | undefined) =>
    before === undefined || after === undefined ? null : after - before;
  return {
    result,
    cpu: {
      simulatorMs: spent(simulatorBefore, simulatorAfter),
      apiMs: spent(apiBefore, apiAfter),
      clientMs: (client.user + client.system) / 1000,
    },
  };
}
