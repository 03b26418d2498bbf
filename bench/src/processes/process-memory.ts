/**
 * @module Resident memory of another process, from `/proc/<pid>/status` (Linux): VmRSS now and VmHWM, the
 * kernel's own peak. VmHWM counts from process start (or its last reset through `clear_refs`), so the sampler only
 * trusts it after a successful reset and otherwise relies on its own VmRSS polls.
 */
import { readFile, writeFile } from 'node:fs/promises';

export interface ProcessMemory {
  rssMb: number;
  /** Peak RSS since the process started; `undefined` where the kernel does not report it. */
  peakMb: number | undefined;
}

const KB_PER_MB = 1024;

export async function readProcessMemory(pid: number): Promise<ProcessMemory | undefined> {
  let status: string;
  try {
    status = await readFile(`/proc/${pid}/status`, 'utf8');
  } catch {
    // No procfs (macOS) or the process is gone: memory is reported as not measured.
    return undefined;
  }
  const field = (name: string): number | undefined => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return match?.[1] === undefined ? undefined : Number(match[1]) / KB_PER_MB;
  };
  const rssMb = field('VmRSS');
  if (rssMb === undefined) return undefined;
  return { rssMb, peakMb: field('VmHWM') };
}

/** Resets the kernel's peak (VmHWM) to the current RSS; `false` where that is not possible. */
export async function resetPeak(pid: number): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Polls a process's RSS until stopped; `stop()` answers the highest value seen. `start()` resets VmHWM first so
 * that the start-up peak (loading and compiling integrations) does not hide what the measured work costs.
 */
export class RssSampler {
  #peakMb = Number.NaN;
  #timer: NodeJS.Timeout | undefined;
  #kernelPeak = false;
  readonly #pid: number;

  constructor(pid: number) {
    this.#pid = pid;
  }

  async start(intervalMs = 25): Promise<void> {
    this.#kernelPeak = await resetPeak(this.#pid);
    this.#peakMb = Number.NaN;
    await this.#sample();
    this.#timer = setInterval(() => void this.#sample(), intervalMs);
  }

  async stop(): Promise<number> {
    clearInterval(this.#timer);
    await this.#sample();
    return this.#peakMb;
  }

  async #sample(): Promise<void> {
    const memory = await readProcessMemory(this.#pid);
    if (memory === undefined) return;
    const seen = this.#kernelPeak ? Math.max(memory.rssMb, memory.peakMb ?? 0) : memory.rssMb;
    this.#peakMb = Number.isNaN(this.#peakMb) ? seen : Math.max(this.#peakMb, seen);
  }
}
