/**
 * @module One line per stage step on stderr (stdout keeps the tables), stamped with the seconds since start so a
 * slow step stands out.
 */

export type Progress = (stage: string, message: string) => void;

export function createProgress(
  write: (line: string) => void = (line) => process.stderr.write(line),
): Progress {
  const start = performance.now();
  return (stage, message) => {
    const seconds = ((performance.now() - start) / 1000).toFixed(1).padStart(6);
    write(`[${seconds}s] ${stage.padEnd(12)} ${message}\n`);
  };
}
