/**
 * @module Test-only: an engine over the Acme fixture (loaded by the real loader) and the real http runtime,
 * with nock at the network edge.
 */
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { afterEach, beforeEach } from 'vitest';
import type { CompiledIntegration } from '../../src/config/compiled-integration.js';
import { loadIntegrationFile } from '../../src/config/load-integration.js';
import type { Engine, ListInput, ListResult, ProxyInput, ProxyResult } from '../../src/run/contract.js';
import { createEngine } from '../../src/run/create-engine.js';
import { ACME_CONNECTION, type AcmeUpstream, acmeUpstream } from './acme-upstream.js';

export const FIXTURE = fileURLToPath(new URL('../fixtures/acme-directory.yaml', import.meta.url));
export const CURSOR_SECRET = 'engine-test-cursor-secret-0123456789';
export const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
export const account = (id = 'acct-1') => ({ id, connection: ACME_CONNECTION });

let loaded: CompiledIntegration | undefined;
export async function acmeIntegration(): Promise<CompiledIntegration> {
  loaded ??= await loadIntegrationFile(FIXTURE);
  return loaded;
}

export interface AcmeHarness {
  engine: Engine;
  upstream: AcmeUpstream;
}

/** Registers before/after hooks; the returned object is filled in before each test. */
export function useAcme(): AcmeHarness {
  const harness = {} as AcmeHarness;
  beforeEach(async () => {
    nock.disableNetConnect();
    harness.upstream = acmeUpstream();
    harness.engine = createEngine({
      integrations: [await acmeIntegration()],
      cursorSecret: CURSOR_SECRET,
      clock: () => NOW,
    });
  });
  afterEach(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await harness.engine.close();
  });
  return harness;
}

export const users = {
  integration: 'acme',
  account: account(),
  model: 'user-directory',
  resource: 'users',
} as const;
export const unified = (resource: string) => ({ ...users, resource });

/** Follows next_cursor to the end; returns every page. */
export async function readAll(engine: Engine, input: ListInput): Promise<ListResult[]> {
  const pages: ListResult[] = [];
  let cursor: string | undefined;
  do {
    const page = await engine.list({ ...input, ...(cursor === undefined ? {} : { cursor }) });
    pages.push(page);
    cursor = page.next_cursor ?? undefined;
    if (pages.length > 500) throw new Error('runaway pagination');
  } while (cursor !== undefined);
  return pages;
}

export type ProxyListResult = Extract<ProxyResult, { kind: 'list' }>;

/** Follows a proxy list's next_cursor to the end; returns every page (a single body fails the read). */
export async function readAllProxy(engine: Engine, input: ProxyInput): Promise<ProxyListResult[]> {
  const pages: ProxyListResult[] = [];
  let cursor: string | undefined;
  do {
    const page = await engine.proxy({ ...input, ...(cursor === undefined ? {} : { cursor }) });
    if (page.kind !== 'list') throw new Error('a proxy listing answered a single body');
    pages.push(page);
    cursor = page.next_cursor ?? undefined;
    if (pages.length > 500) throw new Error('runaway pagination');
  } while (cursor !== undefined);
  return pages;
}
