/**
 * @module The API, the simulator and the bare forwarder each run as their own Node process, so each has its own
 * event loop and a measurable RSS. A launcher (`src/launchers/*`) runs through tsx, reports `{ type: 'ready', url }`
 * over IPC, and exits when the bench disconnects — no child outlives the bench, even after a crash.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { BenchProcessFailed } from '../errors.js';
import { PATHS } from '../paths.js';

export interface LauncherMessage {
  type: 'ready' | 'error';
  url?: string;
  message?: string;
}

export interface ChildService {
  readonly name: string;
  readonly pid: number;
  /** Spawn time (`performance.now()`), for cold-start measurements. */
  readonly spawnedAt: number;
  /** Resolves with the first `ready` message; rejects on `error`, on exit, or after `timeoutMs`. */
  ready(timeoutMs?: number): Promise<string>;
  /** Rejects when the process exits before `promise` settles (so a crash fails fast instead of timing out). */
  race<T>(promise: Promise<T>): Promise<T>;
  /** The last lines the process printed, for error messages. */
  outputTail(): string;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

// Only what Node and tsx need: settings from the caller's shell (DATABASE_URL, REDIS_URL, LOG_LEVEL…) must not
// leak into a measured process.
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];

/** `nodeFlags` go before the launcher (e.g. `--cpu-prof`); the launcher always runs through tsx. */
export function spawnChild(
  name: string,
  launcher: string,
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): ChildService {
  const baseEnv: Record<string, string> = {};
  for (const key of INHERITED) {
    const value = process.env[key];
    if (value !== undefined) baseEnv[key] = value;
  }
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', `${PATHS.launchers}/${launcher}`], {
    cwd: PATHS.benchDir,
    env: { ...baseEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
  });
  if (child.pid === undefined) throw new BenchProcessFailed(`could not start the ${name} process`);
  live.add(child);

  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let exitCode: number | string | null | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? signal;
      live.delete(child);
      resolve();
    });
  });
  const outputTail = () => tail.slice(-15).join('\n');
  const failure = (what: string) =>
    new BenchProcessFailed(
      `${name} process ${what}${tail.length > 0 ? `; its last output:\n${outputTail()}` : ''}`,
    );

  const race = <T>(promise: Promise<T>): Promise<T> =>
    Promise.race([
      promise,
      exited.then(() => {
        throw failure(`exited (${String(exitCode)})`);
      }),
    ]);

  return {
    name,
    pid: child.pid,
    spawnedAt,
    outputTail,
    race,
    ready(timeoutMs = 60_000) {
      const message = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(failure(`was not ready after ${timeoutMs} ms`)), timeoutMs);
        child.on('message', (raw: LauncherMessage) => {
          clearTimeout(timer);
          if (raw.type === 'ready' && raw.url !== undefined) resolve(raw.url);
          else reject(failure(`failed to start: ${raw.message ?? 'no reason given'}`));
        });
      });
      return race(message);
    },
    async stop() {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
