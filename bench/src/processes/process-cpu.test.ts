import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readProcessCpuMs } from './process-cpu.js';

describe.runIf(existsSync('/proc/self/stat'))('readProcessCpuMs', () => {
  it("reads a live process's CPU time, which only grows", async () => {
    const before = await readProcessCpuMs(process.pid);
    let spin = 0;
    const until = process.cpuUsage().user + 50_000;
    while (process.cpuUsage().user < until) spin++;
    const after = await readProcessCpuMs(process.pid);
    expect(spin).toBeGreaterThan(0);
    expect(before).toBeGreaterThanOrEqual(0);
    expect(after).toBeGreaterThanOrEqual(before ?? Number.POSITIVE_INFINITY);
  });

  it('answers undefined for a process that does not exist', async () => {
    expect(await readProcessCpuMs(2 ** 30)).toBeUndefined();
  });
});
