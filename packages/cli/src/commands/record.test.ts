import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, VALID } from '../test-cli.js';

// A real process against a local upstream that refuses every call: recording must say so, not "recorded".
describe('switchboard record', { timeout: 60_000 }, () => {
  let dir: string;
  let upstream: Server;
  let url: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-record-'));
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere', 'tiny.yaml'), VALID);
    upstream = createServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"error":"refused"}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
    await rm(dir, { recursive: true });
  });

  it('exits 1 and names each scenario that ended in an error it did not ask for (--dir picks the folder)', async () => {
    const { code, stdout, stderr } = await runCli(
      [
        'record',
        'tiny',
        '--dir',
        'elsewhere',
        '--against',
        url,
        '--connection',
        'token=t0k3n-value',
        '--only',
        'users.list',
      ],
      dir,
    );
    expect(stderr).toContain(join(dir, 'elsewhere', 'fixtures', 'tiny'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}FAILED users\.list\.limit-30: ended in SB_ERR_\w+ \(upstream 400\)/m);
    expect(stdout).toContain('recorded 0 scenario(s), skipped 0, failed 2');
  });

  it('refuses an --against that is not a URL', async () => {
    const { code, stderr } = await runCli(
      ['record', 'tiny', '--dir', 'elsewhere', '--against', 'nope', '--connection', 'token=t'],
      dir,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--against takes a URL');
  });
});
