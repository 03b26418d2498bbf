/**
 * @module The body of every simulator's `src/main.ts`: parse flags, build, listen, print the base URL and a
 * few facts, stop cleanly on SIGINT/SIGTERM.
 */
import { type CliSpec, parseSimulatorArgs } from './cli-args.js';

export interface RunnableSimulator {
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export interface CliRun<O, S extends RunnableSimulator> extends CliSpec {
  /** e.g. `Okta simulator`. */
  readonly title: string;
  build(options: O): Promise<S>;
  /** Extra lines printed under the URL (sizes, demo credentials). */
  describe(simulator: S, url: string): readonly string[];
}

export async function runSimulatorCli<O extends object, S extends RunnableSimulator>(
  argv: readonly string[],
  run: CliRun<O, S>,
): Promise<void> {
  const config = parseSimulatorArgs<O>(argv, run);
  const simulator = await run.build(config.options);
  const url = await simulator.listen(config.port, config.host);
  process.stdout.write(`${run.title} listening on ${url}\n`);
  for (const line of run.describe(simulator, url)) process.stdout.write(`  ${line}\n`);
  const stop = (): void => {
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`failed to stop: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
