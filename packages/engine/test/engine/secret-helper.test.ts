/**
 * `$secret(length)` in a write body: the upstream gets a fresh crypto-random password, and the value is masked
 * in the debug trace like any credential.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledIntegration } from '../../src/config/compiled-integration.js';
import { loadIntegrationSource } from '../../src/config/load-integration.js';
import { FIXTURE } from '../support/acme-engine.js';
import { ACME_CONNECTION, acmeUpstream } from '../support/acme-upstream.js';
import { loadVariant, useOfflineNetwork, variantEngine } from '../support/acme-variant.js';

const STEP_BODY = `body: '{ "reason": "locked through Switchboard", "by": $id }'`;
let integration: CompiledIntegration;
let withStep: CompiledIntegration;
beforeAll(async () => {
  integration = await loadVariant({
    createBody: '{ "display_name": name, "email": emails[0].email, "temporary": $secret(16) }',
  });
  // The Acme fixture's update plans its steps up front (`current:`): its lock step gets an unlock code.
  const fixture = readFileSync(FIXTURE, 'utf8');
  if (!fixture.includes(STEP_BODY)) throw new Error('the fixture no longer has the lock step body');
  withStep = await loadIntegrationSource(
    fixture.replace(STEP_BODY, `body: '{ "reason": "locked", "unlock_code": $secret(10) }'`),
    'acme-directory.yaml',
  );
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

  it('works in a step planned before the write, and is masked there too', async () => {
    const upstream = acmeUpstream();
    const engine = await variantEngine(withStep);
    const result = await engine.update({
      integration: 'acme',
      account: { id: 'acct-1', connection: ACME_CONNECTION },
      model: 'user-directory',
      resource: 'users',
      id: '2',
      body: { status: 'locked' },
      format: 'debug',
    });
    const [lock] = upstream.calls('/v1/people/2/lock', 'POST');
    const code = (lock?.body as { unlock_code?: string } | undefined)?.unlock_code ?? '';
    expect(code).toMatch(/^.{10}$/);
    expect(JSON.stringify(result.trace)).not.toContain(code);
    await engine.close();
  });
});
