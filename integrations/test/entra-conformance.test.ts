/**
 * Entra conformance inside `pnpm test`: the recorded fixtures replay offline through the real engine and
 * `entra.yaml`, and a wrong mapping line is caught with the record and the field named.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadIntegrationFile, loadIntegrationSource } from '@switchboard/engine';
import { formatReport, runConformance } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const file = join(root, 'entra.yaml');
const fixturesDir = join(root, 'fixtures/entra');

describe('entra conformance', () => {
  it('passes every planned scenario offline', async () => {
    const report = await runConformance({ integration: await loadIntegrationFile(file), fixturesDir });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.notCovered).toBe(0);
    expect(report.passed).toBeGreaterThanOrEqual(41);
  }, 180_000);

  it('fails naming the record and the field when a mapping line is wrong', async () => {
    const source = readFileSync(file, 'utf8');
    // The mistake to catch: the title read from the department.
    const broken = source.replace('"title": $v(jobTitle),', '"title": $v(department),');
    expect(broken, 'the users mapping line to break was not found').not.toBe(source);
    const report = await runConformance({
      integration: await loadIntegrationSource(broken, file),
      fixturesDir,
      only: 'users.get',
    });
    expect(report.ok).toBe(false);
    const failed = report.results.find((r) => r.name === 'users.get');
    expect(failed?.problems.join('\n')).toMatch(/^record id [0-9a-f-]{36}: field title: expected .+, got /m);
  }, 60_000);
});
