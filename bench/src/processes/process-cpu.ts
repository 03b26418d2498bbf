/**
 * @module CPU time another process has used, all its threads together, from `/proc/<pid>/stat` (Linux). On a
 * shared machine CPU time per request is steadier than requests per second: waiting for a core does not count.
 */
import { readFile } from 'node:fs/promises';

/** USER_HZ: the unit of `utime`/`stime`, 100 on every mainstream Linux. */
const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds so far; `undefined` without procfs (macOS) or once the process is gone. */
export async function readProcessCpuMs(pid: number): Promise<number | undefined> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}
