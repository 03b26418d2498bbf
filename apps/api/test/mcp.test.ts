/**
 * The MCP endpoint driven by the official SDK's own client over Streamable HTTP, against the real engine, store
 * and OneLogin simulator: tool listing, a paged listing through tool calls, writes, errors and tenancy.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_CONNECTION, type Stack, startStack, type Tenant } from './stack.js';

const USERS = 23;
let stack: Stack;
let tenant: Tenant;
let account: string;
let baseUrl: string;
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startStack({ simulator: { users: USERS } });
  tenant = await stack.tenant();
  account = await stack.link(tenant);
  baseUrl = await stack.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const client of clients) await client.close();
  await stack.close();
});

async function connect(
  options: { tools?: string; apiKey?: string; accountId?: string } = {},
): Promise<Client> {
  const url = new URL('/mcp', baseUrl);
  url.searchParams.set('integrated_account_id', options.accountId ?? account);
  if (options.tools !== undefined) url.searchParams.set('tools', options.tools);
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { authorization: `Bearer ${options.apiKey ?? tenant.apiKey}` } },
  });
  const client = new Client({ name: 'switchboard-test', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

type CallResult = { structuredContent?: Record<string, unknown>; isError?: boolean; content: unknown };

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallResult> {
  return (await client.callTool({ name, arguments: args })) as CallResult;
}

describe('tool listing', () => {
  it('offers read-only tools by default, with the filters the integration honours', async () => {
    const { tools } = await (await connect()).listTools();
    const names = tools.map((tool) => tool.name).sort();
    expect(names).toEqual(
      [
        'get_activity',
        'get_group',
        'get_role',
        'get_user',
        'list_activities',
        'list_groups',
        'list_role_assignments',
        'list_roles',
        'list_users',
      ].sort(),
    );
    for (const tool of tools) expect(tool.annotations?.readOnlyHint).toBe(true);
    const listUsers = tools.find((tool) => tool.name === 'list_users');
    expect(listUsers?.description).toContain('email');
    expect(Object.keys(listUsers?.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['limit', 'cursor', 'email', 'status', 'updated_at[gte]']),
    );
    const status = (listUsers?.inputSchema.properties ?? {}) as Record<string, { enum?: string[] }>;
    expect(status['status']?.enum ?? []).toContain('suspended');
  });

  it('adds write tools on request, destructive ones annotated', async () => {
    const { tools } = await (await connect({ tools: 'read,write' })).listTools();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    for (const name of [
      'create_user',
      'update_user',
      'delete_user',
      'assign_role',
      'unassign_role',
      'create_role',
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.get('delete_user')?.annotations?.destructiveHint).toBe(true);
    expect(byName.get('update_user')?.annotations?.destructiveHint).toBe(true);
    expect(byName.get('create_user')?.annotations?.destructiveHint).toBe(false);
    expect(byName.get('create_user')?.annotations?.readOnlyHint).toBe(false);
    // OneLogin groups are read-only: no tool pretends otherwise.
    expect(byName.has('create_group')).toBe(false);
  });
});

describe('tool calls', () => {
  it('pages a full listing through list_users: every user exactly once', async () => {
    const client = await connect();
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: CallResult = await call(client, 'list_users', {
        limit: 5,
        ...(cursor ? { cursor } : {}),
      });
      expect(answer.isError).toBeFalsy();
      const page = answer.structuredContent as { result: { id: string }[]; next_cursor: string | null };
      ids.push(...page.result.map((user) => user.id));
      cursor = page.next_cursor;
      pages += 1;
      expect(pages).toBeLessThan(20);
    } while (cursor !== null);
    expect(new Set(ids).size).toBe(USERS);
    expect(ids.length).toBe(USERS);
  });

  it('writes through update_user and reads the change back', async () => {
    const client = await connect({ tools: 'read,write' });
    const list = await call(client, 'list_users', { limit: 1, status: 'active' });
    const [user] = (list.structuredContent as { result: { id: string }[] }).result;
    expect(user).toBeDefined();
    const updated = await call(client, 'update_user', { id: user?.id, title: 'Chief Tester' });
    expect(updated.isError, JSON.stringify(updated.content)).toBeFalsy();
    expect(updated.structuredContent?.['title']).toBe('Chief Tester');
    const read = await call(client, 'get_user', { id: user?.id });
    expect(read.structuredContent?.['title']).toBe('Chief Tester');
  });

  it('answers a missing record as a tool error with the contract code', async () => {
    const answer = await call(await connect(), 'get_user', { id: '999999999' });
    expect(answer.isError).toBe(true);
    expect(answer.structuredContent?.['error']).toEqual(
      expect.objectContaining({ code: 'SB_ERR_NOT_FOUND', statusCode: 404 }),
    );
  });

  it('refuses invalid arguments and unknown tools without calling the upstream', async () => {
    const client = await connect();
    const bad = await call(client, 'list_users', { limit: 0, status: 'bogus' });
    expect(bad.isError).toBe(true);
    expect(bad.structuredContent?.['error']).toEqual(expect.objectContaining({ code: 'SB_ERR_VALIDATION' }));
    // A write tool is not there unless asked for.
    const write = await call(client, 'delete_user', { id: '1' });
    expect(write.isError).toBe(true);
    expect(write.structuredContent?.['error']).toEqual(expect.objectContaining({ code: 'SB_ERR_NOT_FOUND' }));
  });

  it('never returns a secret', async () => {
    const answer = await call(await connect(), 'list_users', { limit: 3 });
    expect(JSON.stringify(answer)).not.toContain(SIM_CONNECTION.client_secret);
  });
});

describe('access', () => {
  it("answers another environment's account exactly like a missing one", async () => {
    const other = await stack.tenant();
    const foreign = await fetch(mcpUrl(account), init(other.apiKey));
    const missing = await fetch(mcpUrl('acct_doesnotexist'), init(other.apiKey));
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(((await foreign.json()) as { code: string }).code).toBe('SB_ERR_NOT_FOUND');
  });

  it('requires the API key', async () => {
    const response = await fetch(mcpUrl(account), {
      ...init(''),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(401);
  });

  it('answers GET with 405: the endpoint is stateless', async () => {
    const response = await fetch(mcpUrl(account), { headers: { authorization: `Bearer ${tenant.apiKey}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

function mcpUrl(accountId: string): string {
  return `${baseUrl}/mcp?integrated_account_id=${accountId}`;
}

function init(apiKey: string): RequestInit {
  return {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    }),
  };
}
