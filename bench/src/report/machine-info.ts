/** @module What the numbers were measured on, recorded beside them (ratios travel between machines; absolutes do not). */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  /** Cores Node may use (`os.availableParallelism()`). */
  cores: number;
  nodeVersion: string;
  platform: string;
  osRelease: string;
  arch: string;
  totalMemoryMb: number;
  /** The checked-out commit, when this is a git working tree. */
  gitCommit?: string;
}

export function machineInfo(): MachineInfo {
  const info: MachineInfo = {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    nodeVersion: process.version,
    platform: os.platform(),
    osRelease: os.release(),
    arch: os.arch(),
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
  };
  const commit = gitCommit();
  if (commit !== undefined) info.gitCommit = commit;
  return info;
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Not a git checkout (or no git): the commit is simply not recorded.
    return undefined;
  }
}
