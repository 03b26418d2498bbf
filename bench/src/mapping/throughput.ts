/**
 * @module Records per CPU-second of one mapping. Records are mapped in small chunks, cycling through the sample,
 * until the round's wall-clock time is up; the rate divides by the process's CPU time, so other load on a shared
 * machine does not count against either side. Every output is kept in an array (as a page would be) so neither
 * side's work can be optimised away.
 */

/** Maps `records[from..to)` onto `out`. */
export type MapChunk = (
  records: readonly unknown[],
  from: number,
  to: number,
  out: unknown[],
) => Promise<void> | void;

const CHUNK = 16;

export async function recordsPerCpuSecond(
  map: MapChunk,
  records: readonly unknown[],
  durationMs: number,
): Promise<number> {
  const out: unknown[] = [];
  let mapped = 0;
  let index = 0;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  do {
    const end = Math.min(index + CHUNK, records.length);
    await map(records, index, end, out);
    mapped += end - index;
    index = end === records.length ? 0 : end;
    if (out.length >= records.length) out.length = 0;
  } while (performance.now() - wallStart < durationMs);
  const cpu = process.cpuUsage(cpuStart);
  return mapped / ((cpu.user + cpu.system) / 1e6);
}
