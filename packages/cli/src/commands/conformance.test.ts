import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, VALID } from '../test-cli.js';

// Real processes, outside the repository: the command finds `integrations/` under the working directory.
describe('switchboard conformance', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-conformance-'));
    await mkdir(join(dir, 'integrations'));
    await writeFile(join(dir, 'integrations', 'tiny.yaml'), VALID);
    await writeFile(join(dir, 'integrations', 'broken.yaml'), VALID.replace('label: Tiny', 'labl: Tiny'));
  });
  afterAll(() => rm(dir, { recursive: true }));

  it('names a missing integration instead of crashing', async () => {
    const { code, stderr } = await runCli(['conformance', 'nosuch'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot read integrations/nosuch.yaml: no such integration');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the located problems of an invalid integration file', async () => {
    const { code, stderr } = await runCli(['conformance', 'broken'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^integrations\/broken\.yaml:4:1 unknown key `labl`, did you mean `label`\?$/m);
  });

  it('reports every planned scenario without fixtures as not covered, and fails', async () => {
    const { code, stdout } = await runCli(['conformance', 'tiny', '--json'], dir);
    expect(code).toBe(1);
    const [report] = JSON.parse(stdout) as { integration: string; notCovered: number; ok: boolean }[];
    expect(report).toMatchObject({ integration: 'tiny', ok: false });
    expect(report?.notCovered).toBeGreaterThan(0);
  });

  it('refuses an --only that matches no scenario rather than passing', async () => {
    const { code, stderr } = await runCli(['conformance', 'tiny', '--only', 'zzz'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('no tiny scenario matches --only zzz');
  });
});
