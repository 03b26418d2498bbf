import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-cli.js';

// Each test starts a real process (tsx, the engine, the schema compile): seconds, not milliseconds.
describe('switchboard', { timeout: 60_000 }, () => {
  it('lists the commands with --help', async () => {
    const { code, stdout } = await runCli(['--help'], tmpdir());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: switchboard <command> \[options\]$/m);
    expect(stdout).toMatch(/^ {2}validate \[--explain\] \[FILE\.\.\.\] +Check integration files/m);
    expect(stdout).toMatch(/^ {2}mcp /m);
  });

  it('refuses an unknown command with exit status 2', async () => {
    const { code, stderr } = await runCli(['frobnicate'], tmpdir());
    expect(code).toBe(2);
    expect(stderr).toMatch(/^unknown command "frobnicate"/);
  });

  it('prints its version', async () => {
    const { code, stdout } = await runCli(['--version'], tmpdir());
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
