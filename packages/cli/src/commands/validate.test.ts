import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, VALID } from '../test-cli.js';

// Each test starts a real process (tsx, the engine, the schema compile): seconds, not milliseconds.
describe('switchboard validate', { timeout: 60_000 }, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true });
  });

  it('prints one ✓ line per valid file and exits 0', async () => {
    await writeFile(join(dir, 'tiny.yaml'), VALID);
    const { code, stdout, stderr } = await runCli(['validate', 'tiny.yaml'], dir);
    expect({ code, stdout, stderr }).toEqual({
      code: 0,
      stdout: '✓ tiny.yaml (1 resource, 2 unified operations)\n',
      stderr: '',
    });
  });

  it('with --explain, says how many expressions are compiled, how they run and why, and where the interpreter runs', async () => {
    const mixed = VALID.replace(
      `      list:
        resource: users
        response: '{ "id": $string(id) }'`,
      `      list:
        resource: users
        response: 'users[$kept := true]'`,
    ).replace(
      `      get:
        resource: users
        response: '{ "id": $string(id) }'`,
      `      get:
        resource: users
        response: '[$x := $string(id), { "id": $x }][1]'`,
    );
    await writeFile(join(dir, 'tiny.yaml'), mixed);
    const { code, stdout } = await runCli(['validate', '--explain', 'tiny.yaml'], dir);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      '✓ tiny.yaml (1 resource, 2 unified operations)',
      '  1 of 2 JSONata expressions compiled (0 as generated source); 1 interpreted:',
      '  tiny.yaml:30:19 interpreted: a `:=` inside an array or object constructor: jsonata evaluates the items concurrently',
      '  tiny.yaml:27:19 compiled, not generated: a `:=` handed to a closure',
      '',
    ]);
  });

  it('prints FILE:LINE:COL message per problem, relative to the working directory, and exits 1', async () => {
    await mkdir(join(dir, 'sub'));
    const broken = VALID.replace('label: Tiny', 'labl: Tiny').replace('$string(id) }', '$string(id) ]');
    await writeFile(join(dir, 'sub', 'broken.yaml'), broken);
    await writeFile(join(dir, 'tiny.yaml'), VALID);
    const { code, stdout, stderr } = await runCli(
      ['validate', 'sub/broken.yaml', 'tiny.yaml', 'gone.yaml'],
      dir,
    );
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      'sub/broken.yaml:2:1 missing required key `label`',
      'sub/broken.yaml:4:1 unknown key `labl`, did you mean `label`?',
      'sub/broken.yaml:27:40 JSONata syntax error: Expected "}", got "]"',
      '✓ tiny.yaml (1 resource, 2 unified operations)',
      'gone.yaml: cannot read the file (ENOENT)',
      '',
    ]);
    expect(stderr).toBe('✗ 4 problems in 2 of 3 files\n');
  });

  it('checks every integrations/*.yaml of the repository by default', async () => {
    await writeFile(join(dir, 'pnpm-workspace.yaml'), 'packages: []\n');
    await mkdir(join(dir, 'integrations', 'fixtures'), { recursive: true });
    await mkdir(join(dir, 'apps', 'api'), { recursive: true });
    await writeFile(join(dir, 'integrations', 'tiny.yaml'), VALID);
    await writeFile(join(dir, 'integrations', 'copy.yaml'), VALID);
    await writeFile(join(dir, 'integrations', 'fixtures', 'ignored.yaml'), 'not: [valid');
    const { code, stdout } = await runCli(['validate'], join(dir, 'apps', 'api'));
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      '✓ ../../integrations/copy.yaml (1 resource, 2 unified operations)',
      '../../integrations/tiny.yaml:3:7 integration name `tiny` is also used by copy.yaml',
      '',
    ]);
  });

  it('says so when there is nothing to check', async () => {
    const { code, stderr } = await runCli(['validate'], dir);
    expect(code).toBe(1);
    expect(stderr).toBe('no integration files found in integrations\n');
  });

  it('refuses unknown options with exit status 2', async () => {
    const { code, stderr } = await runCli(['validate', '--strict'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option '--strict'/);
  });
});
