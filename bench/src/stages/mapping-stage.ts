/**
 * @module Stage 1 — mapping throughput: the engine's `response:` expressions for users, groups, roles and
 * activities, compiled (as the engine runs them) and interpreted (jsonata, the engine before the compiler),
 * against their hand-written twins, on the same simulator records, one core, no I/O.
 */
import { loadIntegrationFile } from '@switchboard/engine';
import { BenchMappingMismatch } from '../errors.js';
import type { UpstreamRecord } from '../handwritten/index.js';
import { type EngineMapping, engineMapping } from '../mapping/engine-mapping.js';
import { findMismatch } from '../mapping/equivalence.js';
import { MAPPING_CASES } from '../mapping/mapping-cases.js';
import { readSimulatorSamples } from '../mapping/simulator-samples.js';
import { type MapChunk, recordsPerCpuSecond } from '../mapping/throughput.js';
import { PATHS } from '../paths.js';
import { formatCount, formatRatio } from '../report/format.js';
import type { MappingResult, MappingRow } from '../results.js';
import { median, ratio } from '../stats/statistics.js';
import type { StageContext } from './stage-context.js';

/** A chunk loop; with no promise per record when the engine maps synchronously (as the list loop does). */
function chunkOf(engine: EngineMapping): MapChunk {
  if (engine.sync) {
    return (input, from, to, out) => {
      for (let i = from; i < to; i++) engine.mapInto(input[i], out);
    };
  }
  return async (input, from, to, out) => {
    for (let i = from; i < to; i++) await engine.mapInto(input[i], out);
  };
}

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
    const compiled = engineMapping(integration, mapping.pointer, 'compiled');
    const interpreted = engineMapping(integration, mapping.pointer, 'interpreted');
    via = compiled.via;
    for (const engine of [compiled, interpreted]) {
      const mismatch = await findMismatch(engine, mapping.handwritten, records);
      if (mismatch !== undefined) {
        throw new BenchMappingMismatch(
          `${mapping.resource} mappings (${engine.mode}) disagree on ${mismatch}`,
        );
      }
    }
    const compiledChunk = chunkOf(compiled);
    const interpretedChunk = chunkOf(interpreted);
    const handwrittenChunk: MapChunk = (input, from, to, out) => {
      for (let i = from; i < to; i++) out.push(mapping.handwritten(input[i] as UpstreamRecord));
    };
    // The equivalence check above already ran every record through each; this settles the JIT further.
    for (const chunk of [compiledChunk, interpretedChunk, handwrittenChunk]) {
      await recordsPerCpuSecond(chunk, records, settings.warmupMs);
    }
    const compiledRounds: number[] = [];
    const interpretedRounds: number[] = [];
    const handwrittenRounds: number[] = [];
    // Alternate so that drift (thermal, GC, a noisy neighbour) lands on every side.
    for (let round = 0; round < settings.rounds; round++) {
      compiledRounds.push(await recordsPerCpuSecond(compiledChunk, records, settings.roundMs));
      interpretedRounds.push(await recordsPerCpuSecond(interpretedChunk, records, settings.roundMs));
      handwrittenRounds.push(await recordsPerCpuSecond(handwrittenChunk, records, settings.roundMs));
    }
    const row: MappingRow = {
      resource: mapping.resource,
      pointer: mapping.pointer,
      mode: compiled.mode,
      sampleRecords: records.length,
      engineRecordsPerCpuSecond: median(compiledRounds),
      interpreterRecordsPerCpuSecond: median(interpretedRounds),
      handwrittenRecordsPerCpuSecond: median(handwrittenRounds),
      costRatio: ratio(median(handwrittenRounds), median(compiledRounds)),
      interpreterCostRatio: ratio(median(handwrittenRounds), median(interpretedRounds)),
    };
    rows.push(row);
    progress(
      'mapping',
      `${row.resource}: outputs equal; compiled ${formatCount(row.engineRecordsPerCpuSecond)}/s, interpreted ${formatCount(row.interpreterRecordsPerCpuSecond)}/s, hand-written ${formatCount(row.handwrittenRecordsPerCpuSecond)}/s (${formatRatio(row.costRatio)} vs ${formatRatio(row.interpreterCostRatio)})`,
    );
  }
  return { via, rows };
}
