/** @module Writes the run's report as JSON (default `bench/results/latest.json`, gitignored). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BenchReport } from '../results.js';

export async function writeResults(path: string, report: BenchReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}
