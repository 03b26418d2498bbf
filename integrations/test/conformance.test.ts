/**
 * Conformance inside `pnpm test`: every integration with recorded fixtures replays offline through the real
 * engine, and the kit catches what it exists to catch — a wrong mapping line, a missing fixture (on OneLogin).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIntegrationFile, loadIntegrationSource } from '@switchboard/engine';
import { formatReport, runConformance } from '@switchboard/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const file = join(root, 'onelogin.yaml');
const fixturesDir = join(root, 'fixtures/onelogin');
const scratch = mkdtempSync(join(tmpdir(), 'conformance-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// An integration counts as recorded once its folder holds an expected output; until then only
// `switchboard conformance` (CI) reports it, as not covered.
const recorded = readdirSync(root)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.slice(0, -'.yaml'.length))
  .filter((name) => {
    const dir = join(root, 'fixtures', name);
    return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.expected.yaml'));
  });

describe.each(recorded)('%s conformance', (name) => {
  it('passes every planned scenario offline, none uncovered', async () => {
    const report = await runConformance({
      integration: await loadIntegrationFile(join(root, `${name}.yaml`)),
      fixturesDir: join(root, 'fixtures', name),
    });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.notCovered).toBe(0);
  }, 120_000);
});

describe('onelogin conformance', () => {
  it('is recorded', () => {
    expect(recorded).toContain('onelogin');
  });

  it('fails with a readable diff naming the resource, the record and the field when a mapping line is wrong', async () => {
    const source = readFileSync(file, 'utf8');
    // The mistake the issue names: first_name mapped from the wrong upstream field.
    const broken = source.replace('$first := $v(firstname);', '$first := $v(lastname);');
    expect(broken, 'the users mapping line to break was not found').not.toBe(source);
    const report = await runConformance({
      integration: await loadIntegrationSource(broken, file),
      fixturesDir,
      only: 'users.get',
    });
    expect(report.ok).toBe(false);
    const failed = report.results.find((r) => r.name === 'users.get');
    expect(failed?.status).toBe('failed');
    expect(failed?.resource).toBe('users');
    expect(failed?.problems.join('\n')).toMatch(
      /^record id \d+: field first_name: expected "[^"]+", got "[^"]+"$/m,
    );
  });

  it('reports a scenario whose fixture was deleted as not covered, and fails', async () => {
    const copy = join(scratch, 'onelogin');
    cpSync(fixturesDir, copy, { recursive: true });
    rmSync(join(copy, 'roles.get.yaml'));
    const report = await runConformance({
      integration: await loadIntegrationFile(file),
      fixturesDir: copy,
      only: 'roles.',
    });
    expect(report.ok).toBe(false);
    expect(report.results.find((r) => r.name === 'roles.get')).toMatchObject({ status: 'not_covered' });
    expect(formatReport(report)).toMatch(/not covered: roles\.get/);
  });
});
