/**
 * @module `pnpm --filter @switchboard/bench cpu-profile FILE [--from S] [--to S] [--top N]`: prints the busy time per
 * second of a `.cpuprofile` (to pick the seconds under load), then the own, self and inclusive tables of that
 * window (`cpu-profile-summary.ts`).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type CpuProfile, type SummaryRow, summariseCpuProfile } from './cpu-profile-summary.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string' }, to: { type: 'string' }, top: { type: 'string' } },
});
const file = positionals[0];
if (file === undefined) {
  process.stderr.write(
    'Usage: pnpm --filter @switchboard/bench cpu-profile FILE [--from S] [--to S] [--top N]\n',
  );
  process.exit(2);
}
const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
const summary = summariseCpuProfile(profile, {
  ...(values.from === undefined ? {} : { fromSeconds: Number(values.from) }),
  ...(values.to === undefined ? {} : { toSeconds: Number(values.to) }),
});
const top = Number(values.top ?? 40);
const table = (title: string, rows: SummaryRow[]) =>
  `\n${title}\n${rows
    .slice(0, top)
    .map(
      (row) =>
        `${row.ms.toFixed(1).padStart(9)} ms ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.name}`,
    )
    .join('\n')}\n`;
process.stdout.write(
  `busy ms per second: ${summary.busyBySecond.map((ms, second) => `${second}:${ms.toFixed(0)}`).join(' ')}\n` +
    `busy in the window: ${summary.busyMs.toFixed(0)} ms\n` +
    table('own code (library and runtime time charged to the own function that called it)', summary.own) +
    table('self', summary.self) +
    table('inclusive', summary.inclusive),
);
