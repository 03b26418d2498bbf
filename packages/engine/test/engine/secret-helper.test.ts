/**
 * `$secret(length)` in a write body: the upstream gets a fresh crypto-random password, and the value is masked
 * in the debug trace like any credential.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledIntegration } from '../../src/config/compiled-integration.js';
import { ACME_CONNECTION, acmeUpstream } from '../support/acme-upstream.js';
import { loadVariant, useOfflineNetwork, variantEngine } from '../support/acme-variant.js';

let integration: CompiledIntegration;
beforeAll(async () => {
  integration = await loadVariant({
    createBody: '{ "display_name": name, "email": emails[0].email, "temporary": $secret(16) }',
  });
}, 60_000);

const create = (n: number) =>
  ({
    integration: 'acme',
    account: { id: 'acct-1', connection: ACME_CONNECTION },
    model: 'user-directory',
    resource: 'users',
    body: { name: `New ${n}`, emails: [{ email: `new${n}@acme.test` }] },
    format: 'debug',
  }) as const;

describe('$secret in a write body', () => {
  useOfflineNetwork();

  it('sends a new random password each time and keeps it out of the trace', async () => {
    const upstream = acmeUpstream();
    const engine = await variantEngine(integration);
    const first = await engine.create(create(1));
    await engine.create(create(2));
    const sent = upstream.calls('/v1/people', 'POST').map((r) => (r.body as { temporary: string }).temporary);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^.{16}$/);
    expect(sent[0]).not.toBe(sent[1]);
    const trace = JSON.stringify(first.trace);
    expect(trace).toContain('people.create');
    expect(trace).not.toContain(sent[0]);
    await engine.close();
  });
});
