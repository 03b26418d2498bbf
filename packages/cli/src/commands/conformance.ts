/**
 * @module `switchboard conformance [INTEGRATION...]` — replays recorded fixtures through each integration, offline,
 * and checks the unified output. Exits 1 on any failed or uncovered scenario.
 */
import { parseArgs } from 'node:util';
import type { ConformanceReport } from '@switchboard/testkit';
import { type Command, type CommandIo, EXIT } from '../command.js';
import { fixturesDir, integrationFile, integrationNames, loadOrReport } from '../integration-files.js';

const USAGE = `Usage: switchboard conformance [INTEGRATION...] [--update] [--json] [--only TEXT] [--dir PATH]

Replays integrations/fixtures/<integration>/ through the engine, offline, and checks every scenario the
integration file implies: full pagination at two page sizes, get, each filter, writes, errors, token refresh.
Without INTEGRATION, checks every integrations/*.yaml.

  --update     accept the current output as expected (rewrites *.expected.yaml)
  --json       print the report as JSON on stdout (progress still goes to stderr)
  --only TEXT  run only scenarios whose name contains TEXT
  --dir PATH   the integrations folder (default: integrations/ of the repository)`;

async function run(args: string[], io: CommandIo): Promise<number> {
  // The testkit (nock under the replay) is imported here, not by every `switchboard` command.
  const { formatReport, runConformance } = await import('@switchboard/testkit');
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const dir = parsed.values.dir;
  const names = parsed.positionals.length > 0 ? parsed.positionals : await integrationNames(io.cwd, dir);
  if (names.length === 0) {
    io.err('no integrations found');
    return EXIT.problems;
  }
  const reports: ConformanceReport[] = [];
  for (const name of names) {
    const integration = await loadOrReport(integrationFile(io.cwd, name, dir), io, dir);
    if (!integration) return EXIT.problems;
    io.err(`conformance: ${name}`);
    let report: ConformanceReport;
    try {
      report = await runConformance({
        integration,
        fixturesDir: fixturesDir(io.cwd, name, dir),
        update: parsed.values.update ?? false,
        ...(parsed.values.only ? { only: parsed.values.only } : {}),
        onProgress: (result, index, total) => {
          const mark = result.status === 'passed' ? '✓' : result.status === 'failed' ? '✗' : '·';
          io.err(
            `  [${index + 1}/${total}] ${mark} ${result.name}${result.status === 'not_covered' ? ' (not covered)' : ''}`,
          );
        },
      });
    } catch (error) {
      // An invalid scenarios.yaml: its located problems, not a stack trace.
      io.err(`cannot check ${name}: ${(error as Error).message}`);
      return EXIT.problems;
    }
    if (report.results.length === 0) {
      io.err(`no ${name} scenario matches --only ${parsed.values.only ?? ''}`);
      return EXIT.usage;
    }
    reports.push(report);
    if (!parsed.values.json) io.out(formatReport(report));
  }
  // Always an array, so a CI parser keeps working when a second integration is added.
  if (parsed.values.json) io.out(JSON.stringify(reports, null, 2));
  return reports.every((r) => r.ok) ? EXIT.ok : EXIT.problems;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      help: { type: 'boolean', short: 'h' },
      update: { type: 'boolean' },
      json: { type: 'boolean' },
      only: { type: 'string' },
      dir: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
}

export const conformance: Command = {
  name: 'conformance',
  synopsis: 'conformance [INTEGRATION...] [--update] [--json] [--dir PATH]',
  summary: 'Replay recorded fixtures through each integration and check the unified output',
  run,
};
