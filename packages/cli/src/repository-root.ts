/**
 * @module Finds the repository a command runs in: the nearest directory, from `cwd` upwards, that holds
 * `pnpm-workspace.yaml`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findRepositoryRoot(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
