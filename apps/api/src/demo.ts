/**
 * @module `pnpm start` on a fresh machine: the bundled OneLogin, Okta and Entra ID simulators on free ports, the
 * API on 127.0.0.1:8080 (PORT respected) pointed at them, and — created once, reused afterwards — a `demo`
 * environment, its API key and one linked demo account per provider, each synced every 5 minutes (the change
 * feed). Prints the key, the account ids and a working `curl` line per provider, plus one for the events.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type ServerHandle, type StartServerOptions, startServer } from './server.js';

export interface DemoHandle {
  url: string;
  apiKey: string;
  /** The OneLogin demo account. */
  accountId: string;
  /** One demo account per provider, by integration name. */
  accounts: Record<string, string>;
  /** The OneLogin simulator. */
  simulatorUrl: string;
  simulators: Record<string, string>;
  server: ServerHandle;
  close(): Promise<void>;
}

export interface StartDemoOptions extends StartServerOptions {
  /** Where the banner goes (default: stdout). */
  print?: (text: string) => void;
}

interface DemoSimulator {
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

interface DemoProvider {
  integration: string;
  label: string;
  /** The simulator is a development dependency: only the demo needs it. */
  start(): Promise<DemoSimulator>;
  connection: Record<string, string>;
}

const PROVIDERS: readonly DemoProvider[] = [
  {
    integration: 'onelogin',
    label: 'OneLogin',
    start: async () => (await import('@switchboard/sim-onelogin')).buildSimulator(),
    connection: { subdomain: 'demo', client_id: 'sim-client-id', client_secret: 'sim-client-secret' },
  },
  {
    integration: 'okta',
    label: 'Okta',
    start: async () => (await import('@switchboard/sim-okta')).buildSimulator(),
    connection: { domain: 'demo.okta.com', api_token: 'sim-okta-api-token' },
  },
  {
    integration: 'entra',
    label: 'Entra ID',
    start: async () => (await import('@switchboard/sim-entra')).buildSimulator(),
    connection: {
      tenant_id: '3f1c2b4a-9d8e-4f7a-b6c5-1e2d3c4b5a69',
      client_id: '6a1f0e2c-5b3d-4e8f-9a7b-2c4d6e8f0a1b',
      client_secret: 'sim-client-secret',
    },
  },
];

/** The shortest interval the API takes: changes made in a simulator show up within minutes. */
const SYNC = { resources: ['users', 'groups', 'role_assignments'], interval: '5m' };

/**
 * Starts the simulators and the API with demo data.
 *
 * @example
 * const demo = await startDemo();
 * // curl -H "Authorization: Bearer $KEY" "$URL/unified/user-directory/users?integrated_account_id=$ID"
 */
export async function startDemo(
  env: NodeJS.ProcessEnv = process.env,
  options: StartDemoOptions = {},
): Promise<DemoHandle> {
  const simulators: DemoSimulator[] = [];
  const simulatorUrls: Record<string, string> = {};
  const closeSimulators = async () => {
    await Promise.all(simulators.map((simulator) => simulator.close()));
  };
  let server: ServerHandle;
  try {
    for (const provider of PROVIDERS) {
      const simulator = await provider.start();
      simulators.push(simulator);
      simulatorUrls[provider.integration] = await simulator.listen(0);
    }
    server = await startServer(
      {
        // A local webhook receiver is the usual first try of the change feed.
        SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
        ...env,
        PORT: env['PORT'] ?? '8080',
        ...Object.fromEntries(
          PROVIDERS.map((provider) => [
            `SWITCHBOARD_UPSTREAM_${provider.integration.toUpperCase()}`,
            simulatorUrls[provider.integration],
          ]),
        ),
      },
      // The demo alone may generate a development key next to its database.
      { requireEncryptionKey: false, ...options },
    );
  } catch (error) {
    await closeSimulators();
    throw error;
  }
  const close = async () => {
    await server.close();
    await closeSimulators();
  };
  try {
    const apiKey = demoApiKey(server.settings.dataDir);
    await server.registerApiKey('demo', apiKey);
    const accounts: Record<string, string> = {};
    for (const provider of PROVIDERS) {
      accounts[provider.integration] = await demoAccount(server.app, apiKey, provider);
      await syncDemoAccount(server.app, apiKey, accounts[provider.integration] as string);
    }
    const accountId = accounts['onelogin'] as string;
    await firstUserId(server.url, apiKey, accountId);
    (options.print ?? ((text) => process.stdout.write(text)))(
      banner(server.url, apiKey, accounts, simulatorUrls),
    );
    return {
      url: server.url,
      apiKey,
      accountId,
      accounts,
      simulatorUrl: simulatorUrls['onelogin'] as string,
      simulators: simulatorUrls,
      server,
      close,
    };
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

async function demoAccount(app: FastifyInstance, apiKey: string, provider: DemoProvider): Promise<string> {
  const headers = { authorization: `Bearer ${apiKey}` };
  const existing = await app.inject({
    method: 'GET',
    url: `/integrated-accounts?integration=${provider.integration}&tenant_id=demo&limit=1`,
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
    payload: { integration: provider.integration, tenant_id: 'demo', connection: provider.connection },
  });
  if (created.statusCode !== 201) {
    throw new Error(
      `could not link the demo ${provider.label} account: ${created.statusCode} ${created.body}`,
    );
  }
  return (created.json() as { id: string }).id;
}

/** Turns on the change feed for a demo account (the first time, this records the silent baseline). */
async function syncDemoAccount(app: FastifyInstance, apiKey: string, accountId: string): Promise<void> {
  const answer = await app.inject({
    method: 'PUT',
    url: `/integrated-accounts/${accountId}/sync`,
    headers: { authorization: `Bearer ${apiKey}` },
    payload: SYNC,
  });
  if (answer.statusCode !== 200)
    throw new Error(`could not turn on sync: ${answer.statusCode} ${answer.body}`);
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
  accounts: Record<string, string>,
  simulators: Record<string, string>,
): string {
  const auth = `-H "Authorization: Bearer ${apiKey}"`;
  const accountLines = PROVIDERS.map((provider, index) => {
    const label = index === 0 ? 'Account id:' : `${provider.label}:`;
    const id = accounts[provider.integration];
    return `  ${label.padEnd(13)}${id} (${provider.label}, simulator on ${simulators[provider.integration]})`;
  });
  return [
    '',
    `Switchboard demo is running on ${url}`,
    '',
    `  API key:     ${apiKey}`,
    ...accountLines,
    `  Docs:        ${url}/docs`,
    '',
    'Try (one unified shape, whichever provider):',
    ...PROVIDERS.map(
      (provider) =>
        `  curl ${auth} "${url}/unified/user-directory/users?integrated_account_id=${accounts[provider.integration]}&limit=5"`,
    ),
    '',
    'Change feed (every account syncs every 5 minutes; README "Watch changes arrive"):',
    `  curl ${auth} "${url}/events?limit=20"`,
    '',
    '',
  ].join('\n');
}
