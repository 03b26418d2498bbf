/**
 * `switchboard mcp` as a local agent runs it: the real bin in a child process on stdio, driven by the MCP SDK's
 * own client, against a running demo API (OneLogin simulator behind it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { type DemoHandle, startDemo } from '@switchboard/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.js';

const BIN = fileURLToPath(new URL('../../bin/switchboard.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-mcp-'));
let demo: DemoHandle;
let client: Client | undefined;

beforeAll(async () => {
  demo = await startDemo(
    {
      PORT: '0',
      DATABASE_URL: `sqlite:${join(dataDir, 'mcp.db')}`,
      SWITCHBOARD_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    },
    { print: () => undefined },
  );
}, 60_000);
afterAll(async () => {
  await client?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function environment(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return { ...env, ...extra };
}

describe('switchboard mcp', () => {
  it('serves the account tools over stdio and pages a listing', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'mcp', '--tools', 'read,write'],
      env: environment({
        SWITCHBOARD_URL: demo.url,
        SWITCHBOARD_API_KEY: demo.apiKey,
        SWITCHBOARD_INTEGRATED_ACCOUNT_ID: demo.accountId,
      }),
      stderr: 'pipe',
    });
    client = new Client({ name: 'cli-test', version: '1.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['list_users', 'get_user', 'update_user', 'assign_role']));

    const first = (await client.callTool({ name: 'list_users', arguments: { limit: 2 } })) as unknown as {
      structuredContent: { result: { id: string }[]; next_cursor: string | null };
    };
    expect(first.structuredContent.result).toHaveLength(2);
    expect(first.structuredContent.next_cursor).toEqual(expect.any(String));
    const second = (await client.callTool({
      name: 'list_users',
      arguments: { limit: 2, cursor: first.structuredContent.next_cursor },
    })) as unknown as { structuredContent: { result: { id: string }[] } };
    const ids = [...first.structuredContent.result, ...second.structuredContent.result].map(
      (user) => user.id,
    );
    expect(new Set(ids).size).toBe(4);

    const missing = (await client.callTool({
      name: 'get_user',
      arguments: { id: '999999999' },
    })) as unknown as {
      isError?: boolean;
      structuredContent: { error: { code: string } };
    };
    expect(missing.isError).toBe(true);
    expect(missing.structuredContent.error.code).toBe('SB_ERR_NOT_FOUND');
  }, 60_000);

  it('explains what it needs when the key or account is missing', async () => {
    const run = await runCli(['mcp'], process.cwd());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SWITCHBOARD_API_KEY');
  }, 60_000);
});
