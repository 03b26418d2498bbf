/**
 * @module `switchboard record INTEGRATION --against URL` — runs the integration's planned scenarios against a
 * live upstream and writes scrubbed fixtures for `switchboard conformance`.
 */
import { parseArgs } from 'node:util';
import { type Command, type CommandIo, EXIT } from '../command.js';
import { fixturesDir, integrationFile, loadOrReport } from '../integration-files.js';

// The testkit (the recorder, nock under the replay) is imported by `run`, not by every `switchboard` command.
function usage(defaultRunId: string): string {
  return `Usage: switchboard record INTEGRATION --against URL [--connection NAME=VALUE ...] [--only TEXT]
                         [--auth-against URL] [--dir PATH] [--run-id ID]

Runs every scenario conformance needs against a live upstream (a simulator or a sandbox account) and writes
scrubbed fixtures to integrations/fixtures/<INTEGRATION>/. Writes create, change and delete records there.
The 429, 503 and token-expiry scenarios are made by the recorder itself. Exits 1, naming the scenario, when a
scenario ends in an error it did not ask for.

  --against URL            where the upstream is: a simulator's origin (http://127.0.0.1:9001; declared paths
                           are kept) or the real base URL of a sandbox (https://graph.microsoft.com/v1.0)
  --auth-against URL       where absolute auth URLs (a token endpoint on another host) are recorded from;
                           default: wherever --against sends them
  --connection NAME=VALUE  a connection field; repeat for each. Secret fields are better passed as
                           SWITCHBOARD_CONNECTION_<NAME> environment variables (kept out of shell history).
  --only TEXT              record only scenarios whose name contains TEXT
  --dir PATH               the integrations folder (default: integrations/ of the repository)
  --run-id ID              suffix of the records the writes create (default ${defaultRunId}); change it when an
                           earlier recording left one behind`;
}

async function run(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { DEFAULT_RUN_ID, recordIntegration } = await import('@switchboard/testkit');
  const USAGE = usage(DEFAULT_RUN_ID);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const [name, ...extra] = parsed.positionals;
  if (parsed.values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (!name || extra.length > 0 || !parsed.values.against) {
    io.err(USAGE);
    return EXIT.usage;
  }
  const dir = parsed.values.dir;
  const integration = await loadOrReport(integrationFile(io.cwd, name, dir), io, dir);
  if (!integration) return EXIT.problems;
  const connection: Record<string, string> = {};
  for (const field of Object.keys(integration.definition.connection)) {
    const value = env[`SWITCHBOARD_CONNECTION_${field.toUpperCase()}`];
    if (value) connection[field] = value;
  }
  for (const pair of parsed.values.connection ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      io.err(`--connection takes NAME=VALUE, got "${pair.split('=')[0]}"`);
      return EXIT.usage;
    }
    connection[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const missing = Object.entries(integration.definition.connection)
    .filter(([field, spec]) => spec.required !== false && !connection[field])
    .map(([field]) => field);
  if (missing.length > 0) {
    io.err(`missing connection field(s): ${missing.join(', ')}`);
    return EXIT.usage;
  }
  for (const option of ['against', 'auth-against'] as const) {
    const value = parsed.values[option];
    if (value === undefined) continue;
    try {
      new URL(value);
    } catch {
      io.err(`--${option} takes a URL such as http://127.0.0.1:9001, got "${value}"`);
      return EXIT.usage;
    }
  }
  const outDir = fixturesDir(io.cwd, name, dir);
  io.err(`recording ${name} against ${parsed.values.against} into ${outDir}`);
  let result: Awaited<ReturnType<typeof recordIntegration>>;
  try {
    result = await recordIntegration({
      integration,
      against: parsed.values.against,
      ...(parsed.values['auth-against'] ? { authAgainst: parsed.values['auth-against'] } : {}),
      connection,
      outDir,
      ...(parsed.values.only ? { only: parsed.values.only } : {}),
      ...(parsed.values['run-id'] ? { runId: parsed.values['run-id'] } : {}),
      onProgress: (line) => io.err(`  ${line}`),
    });
  } catch (error) {
    // An invalid scenarios.yaml, an unwritable folder: a located message, not a stack trace.
    io.err(`cannot record ${name}: ${(error as Error).message}`);
    return EXIT.problems;
  }
  if (result.written.length + result.skipped.length + result.failed.length === 0) {
    io.err(`no ${name} scenario matches --only ${parsed.values.only ?? ''}`);
    return EXIT.usage;
  }
  io.out(
    `recorded ${result.written.length} scenario(s), skipped ${result.skipped.length}, failed ${result.failed.length}`,
  );
  for (const skipped of result.skipped) io.out(`  skipped ${skipped.name}: ${skipped.reason}`);
  for (const failed of result.failed) io.out(`  FAILED ${failed.name}: ${failed.reason}`);
  return result.failed.length > 0 ? EXIT.problems : EXIT.ok;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      help: { type: 'boolean', short: 'h' },
      against: { type: 'string' },
      'auth-against': { type: 'string' },
      connection: { type: 'string', multiple: true },
      only: { type: 'string' },
      dir: { type: 'string' },
      'run-id': { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
}

export const record: Command = {
  name: 'record',
  synopsis: 'record INTEGRATION --against URL',
  summary: 'Record scrubbed upstream fixtures for conformance from a live upstream',
  run: (args, io) => run(args, io),
};
