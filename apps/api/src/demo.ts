/**
 * @module `pnpm start` on a fresh machine: the bundled OneLogin simulator on a free port, the API on
 * 127.0.0.1:8080 (PORT respected) pointed at it, and — created once, reused afterwards — a `demo` environment,
 * its API key and a linked demo OneLogin account. Prints the key, the account id and three working `curl` lines.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type ServerHandle, type StartServerOptions, startServer } from './server.js';

export interface DemoHandle {
  url: string;
  apiKey: string;
  accountId: string;
  simulatorUrl: string;
  server: ServerHandle;
  close(): Promise<void>;
}

export interface StartDemoOptions extends StartServerOptions {
  /** Where the banner goes (default: stdout). */
  print?: (text: string) => void;
}

const SIM_CONNECTION = { subdomain: 'demo', client_id: 'sim-client-id', client_secret: 'sim-client-secret' };

/**
 * Starts the simulator and the API with demo data.
 *
 * @example
 * const demo = await startDemo();
 * // curl -H "Authorization: Bearer $KEY" "$URL/unified/user-directory/users?integrated_account_id=$ID"
 */
export async function startDemo(
  env: NodeJS.ProcessEnv = process.env,
  options: StartDemoOptions = {},
): Promise<DemoHandle> {
  // The simulator is a development dependency: only the demo needs it.
  const { buildSimulator } = await import('@switchboard/sim-onelogin');
  const simulator = await buildSimulator();
  const simulatorUrl = await simulator.listen(0);
  let server: ServerHandle;
  try {
    server = await startServer(
      {
        ...env,
        PORT: env['PORT'] ?? '8080',
        SWITCHBOARD_UPSTREAM_ONELOGIN: simulatorUrl,
      },
      // The demo alone may generate a development key next to its database.
      { requireEncryptionKey: false, ...options },
    );
  } catch (error) {
    await simulator.close();
    throw error;
  }
  const close = async () => {
    await server.close();
    await simulator.close();
  };
  try {
    const apiKey = demoApiKey(server.settings.dataDir);
    await server.registerApiKey('demo', apiKey);
    const accountId = await demoAccount(server.app, apiKey);
    const userId = await firstUserId(server.url, apiKey, accountId);
    (options.print ?? ((text) => process.stdout.write(text)))(
      banner(server.url, apiKey, accountId, userId, simulatorUrl),
    );
    return { url: server.url, apiKey, accountId, simulatorUrl, server, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A key generated once into the data directory (mode 0600), so the printed curl lines keep working. */
function demoApiKey(dataDir: string): string {
  const file = join(dataDir, 'demo-api-key');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing !== '') return existing;
  } catch {
    // first run
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = `sb_demo_${randomBytes(24).toString('base64url')}`;
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

async function demoAccount(app: FastifyInstance, apiKey: string): Promise<string> {
  const headers = { authorization: `Bearer ${apiKey}` };
  const existing = await app.inject({
    method: 'GET',
    url: '/integrated-accounts?integration=onelogin&tenant_id=demo&limit=1',
    headers,
  });
  const found = (existing.json() as { result?: { id: string }[] }).result?.[0]?.id;
  if (found !== undefined) {
    const probe = await app.inject({
      method: 'GET',
      url: `/unified/user-directory/users?integrated_account_id=${found}&limit=1`,
      headers,
    });
    if (probe.statusCode === 200) return found;
  }
  const created = await app.inject({
    method: 'POST',
    url: '/integrated-accounts',
    headers,
    payload: { integration: 'onelogin', tenant_id: 'demo', connection: SIM_CONNECTION },
  });
  if (created.statusCode !== 201) {
    throw new Error(`could not link the demo account: ${created.statusCode} ${created.body}`);
  }
  return (created.json() as { id: string }).id;
}

/** The demo's own first call goes through the TypeScript SDK, as a product's backend would make it. */
async function firstUserId(url: string, apiKey: string, accountId: string): Promise<string> {
  const { Switchboard } = await import('@switchboard/sdk');
  const sdk = new Switchboard({ apiKey, baseUrl: url });
  const page = await sdk.unified.userDirectory.users.list({
    integrated_account_id: accountId,
    limit: 1,
    remote_data: false,
  });
  const id = page.result[0]?.id;
  if (id === undefined) throw new Error('the demo account lists no users');
  return id;
}

function banner(
  url: string,
  apiKey: string,
  accountId: string,
  userId: string,
  simulatorUrl: string,
): string {
  const auth = `-H "Authorization: Bearer ${apiKey}"`;
  const account = `integrated_account_id=${accountId}`;
  return [
    '',
    `Switchboard demo is running on ${url} (OneLogin simulator on ${simulatorUrl})`,
    '',
    `  API key:     ${apiKey}`,
    `  Account id:  ${accountId}`,
    `  Docs:        ${url}/docs`,
    '',
    'Try:',
    `  curl ${auth} "${url}/unified/user-directory/users?${account}&limit=5"`,
    `  curl ${auth} "${url}/unified/user-directory/users/${userId}?${account}"`,
    `  curl ${auth} "${url}/proxy/roles?${account}"`,
    '',
    '',
  ].join('\n');
}
