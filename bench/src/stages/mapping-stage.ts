/**
 * @module Stage 1 — mapping throughput: the engine's compiled `response:` expressions for users, groups, roles
 * and activities against their hand-written twins, on the same simulator records, one core, no I/O.
 */
import { loadIntegrationFile } from '@switchboard/engine';
import { BenchMappingMismatch } from '../errors.js';
import type { UpstreamRecord } from '../handwritten/index.js';
import { engineMapping } from '../mapping/engine-mapping.js';
import { findMismatch } from '../mapping/equivalence.js';
import { MAPPING_CASES } from '../mapping/mapping-cases.js';
import { readSimulatorSamples } from '../mapping/simulator-samples.js';
import { type MapChunk, recordsPerCpuSecond } from '../mapping/throughput.js';
import { PATHS } from '../paths.js';
import { formatCount, formatRatio } from '../report/format.js';
import type { MappingResult, MappingRow } from '../results.js';
import { median, ratio } from '../stats/statistics.js';
import type { StageContext } from './stage-context.js';

export async function runMappingStage({ profile, progress }: StageContext): Promise<MappingResult> {
  const settings = profile.mapping;
  const started = performance.now();
  const integration = await loadIntegrationFile(PATHS.oneLoginFile);
  progress('mapping', `loaded and compiled onelogin.yaml in ${Math.round(performance.now() - started)} ms`);
  const samples = await readSimulatorSamples(settings.sampleRecords);
  progress(
    'mapping',
    `sampled ${MAPPING_CASES.map((c) => `${samples[c.resource].length} ${c.resource}`).join(', ')} from the simulator`,
  );

  const rows: MappingRow[] = [];
  let via = '';
  for (const mapping of MAPPING_CASES) {
    const records = samples[mapping.resource];
    const engine = engineMapping(integration, mapping.pointer);
    via = engine.via;
    const mismatch = await findMismatch(engine, mapping.handwritten, records);
    if (mismatch !== undefined) {
      throw new BenchMappingMismatch(`${mapping.resource} mappings disagree on ${mismatch}`);
    }
    const engineChunk: MapChunk = async (input, from, to, out) => {
      for (let i = from; i < to; i++) await engine.mapInto(input[i], out);
    };
    const handwrittenChunk: MapChunk = (input, from, to, out) => {
      for (let i = from; i < to; i++) out.push(mapping.handwritten(input[i] as UpstreamRecord));
    };
    // The equivalence check above already ran every record through both; this settles the JIT further.
    await recordsPerCpuSecond(engineChunk, records, settings.warmupMs);
    await recordsPerCpuSecond(handwrittenChunk, records, settings.warmupMs);
    const engineRounds: number[] = [];
    const handwrittenRounds: number[] = [];
    // Alternate so that drift (thermal, GC, a noisy neighbour) lands on both sides.
    for (let round = 0; round < settings.rounds; round++) {
      engineRounds.push(await recordsPerCpuSecond(engineChunk, records, settings.roundMs));
      handwrittenRounds.push(await recordsPerCpuSecond(handwrittenChunk, records, settings.roundMs));
    }
    const row: MappingRow = {
      resource: mapping.resource,
      pointer: mapping.pointer,
      sampleRecords: records.length,
      engineRecordsPerCpuSecond: median(engineRounds),
      handwrittenRecordsPerCpuSecond: median(handwrittenRounds),
      costRatio: ratio(median(handwrittenRounds), median(engineRounds)),
    };
    rows.push(row);
    progress(
      'mapping',
      `${row.resource}: outputs equal; engine ${formatCount(row.engineRecordsPerCpuSecond)}/s, hand-written ${formatCount(row.handwrittenRecordsPerCpuSecond)}/s (${formatRatio(row.costRatio)})`,
    );
  }
  return { via, rows };
}
