/**
 * `GET /integrations` and `GET /integrated-accounts/:id/capabilities` answer what the engine reports and what
 * the generated capability tables of `integrations/README.md` say, for every shipped integration: one account
 * per provider is linked against its simulator (linking verifies the credentials upstream).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Capabilities, createEngine, type Engine, loadIntegrationDirectory } from '@switchboard/engine';
import * as entra from '@switchboard/sim-entra';
import * as okta from '@switchboard/sim-okta';
import * as onelogin from '@switchboard/sim-onelogin';
import { openStore, type Store } from '@switchboard/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/app.js';
import { DEFAULT_INTEGRATIONS_DIR } from '../src/server.js';
import { parseSettings } from '../src/settings.js';

const ADMIN = { authorization: 'Bearer capabilities-admin-token-0123456789' };

interface Provider {
  label: string;
  start(): Promise<{ listen(port: number): Promise<string>; close(): Promise<void> }>;
  connection: Record<string, string>;
}

/** The simulators' own default credentials (the same ones `pnpm start` links). */
const PROVIDERS: Record<string, Provider> = {
  onelogin: {
    label: 'OneLogin',
    start: () => onelogin.buildSimulator({ users: 5 }),
    connection: { subdomain: 'acme', client_id: 'sim-client-id', client_secret: 'sim-client-secret' },
  },
  okta: {
    label: 'Okta',
    start: () => okta.buildSimulator({ users: 5 }),
    connection: { domain: 'acme.okta.com', api_token: okta.SIMULATOR_DEFAULTS.apiToken },
  },
  entra: {
    label: 'Microsoft Entra ID',
    start: () => entra.buildSimulator({ users: 5 }),
    connection: {
      tenant_id: entra.SIMULATOR_DEFAULTS.tenantId,
      client_id: entra.SIMULATOR_DEFAULTS.clientId,
      client_secret: entra.SIMULATOR_DEFAULTS.clientSecret,
    },
  },
};

interface IntegrationSummary {
  name: string;
  unified_models: Record<string, string[]>;
  proxy_resources: string[];
}

interface AccountCapabilities {
  integrated_account_id: string;
  integration: string;
  unified_models: Capabilities;
  proxy_resources: Record<string, string[]>;
}

let app: FastifyInstance;
let engine: Engine;
let store: Store;
let dir: string;
let readme: string;
const simulators: { close(): Promise<void> }[] = [];
const accounts: Record<string, string> = {};
let listed: IntegrationSummary[] = [];

beforeAll(async () => {
  const upstreams: Record<string, string> = {};
  for (const [name, provider] of Object.entries(PROVIDERS)) {
    const simulator = await provider.start();
    simulators.push(simulator);
    upstreams[name] = await simulator.listen(0);
  }
  dir = await mkdtemp(join(tmpdir(), 'switchboard-capabilities-'));
  store = await openStore({ url: `sqlite:${join(dir, 'switchboard.db')}`, encryptionKey: randomBytes(32) });
  engine = createEngine({
    integrations: await loadIntegrationDirectory(DEFAULT_INTEGRATIONS_DIR),
    cursorSecret: randomBytes(32),
    tokenStore: store.tokens,
    upstreamOverrides: upstreams,
  });
  const settings = parseSettings({
    SWITCHBOARD_ADMIN_TOKEN: ADMIN.authorization.slice('Bearer '.length),
    SWITCHBOARD_API_RATE_LIMIT: 'off',
  });
  app = await build({ engine, store, settings, logger: false });
  readme = await readFile(join(DEFAULT_INTEGRATIONS_DIR, 'README.md'), 'utf8');

  const environment = await app.inject({
    method: 'POST',
    url: '/admin/environments',
    headers: ADMIN,
    payload: { name: 'capabilities' },
  });
  const environmentId = (environment.json() as { id: string }).id;
  const key = await app.inject({
    method: 'POST',
    url: `/admin/environments/${environmentId}/api-keys`,
    headers: ADMIN,
  });
  const headers = { authorization: `Bearer ${(key.json() as { api_key: string }).api_key}` };
  for (const [integration, provider] of Object.entries(PROVIDERS)) {
    const linked = await app.inject({
      method: 'POST',
      url: '/integrated-accounts',
      headers,
      payload: { integration, tenant_id: 'customer-1', connection: provider.connection },
    });
    if (linked.statusCode !== 201)
      throw new Error(`linking ${integration}: ${linked.statusCode} ${linked.body}`);
    accounts[integration] = (linked.json() as { id: string }).id;
  }
  const integrations = await app.inject({ method: 'GET', url: '/integrations', headers });
  listed = (integrations.json() as { result: IntegrationSummary[] }).result;
  for (const [integration, id] of Object.entries(accounts)) {
    const response = await app.inject({
      method: 'GET',
      url: `/integrated-accounts/${id}/capabilities`,
      headers,
    });
    answered[integration] = response.json() as AccountCapabilities;
  }
}, 120_000);

const answered: Record<string, AccountCapabilities> = {};

afterAll(async () => {
  await app?.close();
  await engine?.close();
  await store?.close();
  await Promise.all(simulators.map((simulator) => simulator.close()));
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** The proxy table of one integration in the generated README section: resource → methods. */
function readmeProxyTable(label: string, name: string): Record<string, string[]> {
  const generated = readme.slice(
    readme.indexOf('<!-- capabilities:start'),
    readme.indexOf('<!-- capabilities:end'),
  );
  const section = generated.split(/^### /m).find((part) => part.startsWith(`${label} (\`${name}\`)`));
  if (section === undefined) throw new Error(`integrations/README.md has no capability table for ${name}`);
  const proxy = section.slice(section.indexOf('Proxy resources'));
  const table: Record<string, string[]> = {};
  for (const match of proxy.matchAll(/^\| `([^`]+)` +\| ([^|]+?) +\|$/gm)) {
    table[match[1] as string] = (match[2] as string).split(', ');
  }
  return table;
}

describe.each(Object.entries(PROVIDERS))('%s', (name, provider) => {
  it('GET /integrations lists the unified resources the engine reports and every proxy resource', () => {
    const summary = listed.find((integration) => integration.name === name);
    const capabilities = engine.capabilities(name);
    expect(summary?.unified_models).toEqual(
      Object.fromEntries(
        Object.entries(capabilities).map(([model, resources]) => [model, Object.keys(resources)]),
      ),
    );
    expect(summary?.proxy_resources).toEqual(Object.keys(readmeProxyTable(provider.label, name)));
  });

  it('GET /integrated-accounts/:id/capabilities answers the engine capabilities (methods, filters, expand)', () => {
    expect(answered[name]).toMatchObject({ integrated_account_id: accounts[name], integration: name });
    expect(answered[name]?.unified_models).toEqual(engine.capabilities(name));
  });

  it('GET /integrated-accounts/:id/capabilities lists the proxy methods of the README table', () => {
    expect(answered[name]?.proxy_resources).toEqual(readmeProxyTable(provider.label, name));
  });
});
