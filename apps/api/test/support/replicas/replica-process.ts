/**
 * @module One API replica as a real child process (`node --import tsx replica-main.ts`): started with its own
 * environment, ready once it reported its URL and `/health` answers 200, stopped by SIGTERM or killed by
 * SIGKILL. Its output is kept (bounded) so that a failed start says why.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const LAUNCHER = fileURLToPath(new URL('./replica-main.ts', import.meta.url));
/** `--import tsx` resolves from here: the package folder, under the workspace root that installs tsx. */
const PACKAGE_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const OUTPUT_LIMIT = 20_000;
const START_TIMEOUT_MS = 45_000;

export interface Replica {
  readonly name: string;
  /** e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly alive: boolean;
  /** SIGKILL, no goodbye: in-flight requests die with it. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful close), then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const children = new Set<ChildProcess>();
// Last line of defence: a test run that dies without its afterAll still takes its replicas with it.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', LAUNCHER], {
    cwd: PACKAGE_DIR,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  void exited.then(() => children.delete(child));

  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const kill = async () => {
    if (!gone()) child.kill('SIGKILL');
    await exited;
  };

  let url: string;
  try {
    url = await listeningUrl(child, exited);
    await untilHealthy(url, gone);
  } catch (error) {
    await kill();
    throw new Error(
      `replica ${name} did not start: ${(error as Error).message}\n--- its output ---\n${output}`,
      {
        cause: error,
      },
    );
  }
  return {
    name,
    url,
    get alive() {
      return !gone();
    },
    kill,
    async stop(graceMs = 5_000) {
      if (gone()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function listeningUrl(child: ChildProcess, exited: Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type !== 'listening' || typeof message.url !== 'string') return;
      clearTimeout(timer);
      resolve(message.url);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited (${child.exitCode ?? child.signalCode}) before listening`));
    });
  });
}

async function untilHealthy(url: string, gone: () => boolean): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline && !gone()) {
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/health never answered 200 (${last})`);
}
