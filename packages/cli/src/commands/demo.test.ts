/**
 * The fresh-machine path: `pnpm start` as a user runs it, then every `curl` line it prints, run for real.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const repository = new URL('../../../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-demo-'));
let child: ChildProcess | undefined;

afterAll(() => {
  // pnpm runs node as a grandchild: signal the whole process group.
  if (child?.pid) process.kill(-child.pid, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('pnpm start', () => {
  it('prints a key, an account id per provider and curl lines that all work', async () => {
    const port = await freePort();
    child = spawn('pnpm', ['start'], {
      cwd: repository,
      env: {
        ...process.env,
        PORT: String(port),
        SWITCHBOARD_DATA_DIR: dataDir,
        DATABASE_URL: `sqlite:${dataDir}/demo.db`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 60_000;
    while ((output.match(/^\s*curl /gm) ?? []).length < 4 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(output).toMatch(/API key:\s+sb_/);
    expect(output).toMatch(/Account id:\s+ia_/);
    const lines = output.match(/^\s*curl .+$/gm) ?? [];
    // One unified users call per provider (OneLogin, Okta, Entra ID) and the change feed's events.
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      const [, header, url] = line.match(/-H "([^"]+)" "([^"]+)"/) ?? [];
      expect(url, line).toContain(`127.0.0.1:${port}`);
      const { stdout } = await promisify(execFile)('curl', [
        '-s',
        '-w',
        '\n%{http_code}',
        '-H',
        header!,
        url!,
      ]);
      const status = stdout.slice(stdout.lastIndexOf('\n') + 1);
      expect(status, `${line}\n${stdout}`).toBe('200');
      expect(() => JSON.parse(stdout.slice(0, stdout.lastIndexOf('\n')))).not.toThrow();
    }
  }, 90_000);
});
