/**
 * Okta's recorded fixtures catch a wrong mapping line, naming the record and the field (the full offline replay
 * of every integration with fixtures is in conformance.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadIntegrationSource } from '@switchboard/engine';
import { runConformance } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const file = join(root, 'okta.yaml');
const fixturesDir = join(root, 'fixtures/okta');

describe('okta conformance', () => {
  it('names the record and the field when the status table is wrong', async () => {
    const source = readFileSync(file, 'utf8');
    const broken = source.replace('"SUSPENDED": "suspended"', '"SUSPENDED": "locked"');
    expect(broken, 'the status table line to break was not found').not.toBe(source);
    const report = await runConformance({
      integration: await loadIntegrationSource(broken, file),
      fixturesDir,
      only: 'users.update',
    });
    expect(report.ok).toBe(false);
    const failed = report.results.find((r) => r.name === 'users.update');
    expect(failed?.problems.join('\n')).toMatch(/field status: expected "suspended", got "locked"/);
  }, 60_000);
});
