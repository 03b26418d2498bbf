import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadWorker, type Outcome } from './fuzz/load-worker.js';
import { fuzzCases } from './fuzz/mutations.js';
import { FIXTURE } from './test-fixture.js';

const CASES = fuzzCases(FIXTURE, 400, 20261128);
const PER_CASE_LIMIT_MS = 1000;

describe('loading mutated integration files', () => {
  const worker = new LoadWorker();
  beforeAll(() => worker.start(), 30_000);
  afterAll(() => worker.stop());

  it.each(CASES)('$name ends in a valid result or located issues', async ({ text }) => {
    const outcome: Outcome = await worker.load(text, PER_CASE_LIMIT_MS);
    if (outcome.kind === 'crash') throw new Error(`loader crashed: ${outcome.message}`);
    expect(outcome.kind, 'the loader did not answer within the per-case limit').not.toBe('timeout');
    if (outcome.kind !== 'invalid') return;

    const lines = text.split('\n').length;
    expect(outcome.issues.length).toBeGreaterThan(0);
    for (const issue of outcome.issues) {
      expect(issue.file).toBe('fuzz.yaml');
      expect(
        Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= lines,
        `line ${issue.line}`,
      ).toBe(true);
      expect(Number.isInteger(issue.column) && issue.column >= 1, `column ${issue.column}`).toBe(true);
      expect(issue.pointer).toMatch(/^(\/[\s\S]*)?$/);
      expect(issue.message).toMatch(/^\S[^\n]*$/);
    }
  });
});
