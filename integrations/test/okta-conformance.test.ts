/**
 * Okta conformance inside `pnpm test`: the fixtures recorded from sim-okta replay offline through the real
 * engine and the real `okta.yaml`, and a wrong mapping line is caught with the record and field named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadIntegrationFile, loadIntegrationSource } from '@switchboard/engine';
import { formatReport, runConformance } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const file = join(root, 'okta.yaml');
const fixturesDir = join(root, 'fixtures/okta');

describe('okta conformance', () => {
  it('passes every planned scenario offline', async () => {
    const report = await runConformance({ integration: await loadIntegrationFile(file), fixturesDir });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.notCovered).toBe(0);
    expect(report.passed).toBeGreaterThanOrEqual(38);
  }, 180_000);

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
