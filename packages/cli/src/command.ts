/**
 * @module What every subcommand implements. A command is one file under `commands/`, registered in
 * `commands.ts`; `main.ts` only dispatches.
 */

/** Where a command writes and from where it runs; the real process in production, a capture in tests. */
export interface CommandIo {
  cwd: string;
  /** Writes one or more lines to standard output. */
  out(text: string): void;
  /** Writes one or more lines to standard error. */
  err(text: string): void;
}

/** Exit statuses shared by every command. */
export const EXIT = {
  ok: 0,
  /** The command ran and found problems (invalid files, failed checks). */
  problems: 1,
  /** The command line itself is wrong (unknown command or option). */
  usage: 2,
} as const;

export interface Command {
  name: string;
  /** Shown in `switchboard --help`, e.g. `validate [FILE...]`. */
  synopsis: string;
  /** One line shown in `switchboard --help`. */
  summary: string;
  /** Runs with the arguments after the command name; resolves to the exit status. */
  run(args: string[], io: CommandIo): Promise<number>;
}
