/**
 * @module The `switchboard` entry point: global options, then dispatch to a command from the command table.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CommandIo, EXIT } from './command.js';
import { COMMANDS } from './commands.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** The top-level help: every command in the table. */
export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.synopsis.length)) + 2;
  return [
    'switchboard — run and check Switchboard integrations',
    '',
    'Usage: switchboard <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.synopsis.padEnd(width)}${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show this help (or `switchboard <command> --help`)',
    '  -v, --version  Print the version',
  ].join('\n');
}

/** The real process's streams and directory. */
export function processIo(): CommandIo {
  return {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

/** Runs the command line (without `node` and the script); resolves to the exit status. */
export async function main(argv: string[], io: CommandIo = processIo()): Promise<number> {
  // Global options come before the command; everything after the command name belongs to the command.
  const { tokens } = parseArgs({
    args: argv,
    options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const first = tokens.find((t) => t.kind === 'positional');
  const globals = tokens.flatMap((t) =>
    t.kind === 'option' && (first === undefined || t.index < first.index) ? [t] : [],
  );
  const unknown = globals.find((t) => t.name !== 'help' && t.name !== 'version');
  if (unknown) {
    io.err(`unknown option ${unknown.rawName}\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (globals.some((t) => t.name === 'version')) {
    io.out(version());
    return EXIT.ok;
  }
  if (first === undefined || globals.some((t) => t.name === 'help')) {
    io.out(helpText());
    return EXIT.ok;
  }

  const name = first.kind === 'positional' ? first.value : '';
  if (name === 'help') {
    io.out(helpText());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`unknown command "${name}"\n\n${helpText()}`);
    return EXIT.usage;
  }
  return command.run(argv.slice(first.index + 1), io);
}
