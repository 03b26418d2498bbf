/**
 * @module Stage 4 — cold start: spawn the API (fresh SQLite file, every integration file loaded and compiled) and
 * time until `/health` answers 200, several times; then check that the integrations are really listed.
 */

import { Agent } from 'undici';
import { formatMs } from '../report/format.js';
import type { ColdStartResult } from '../results.js';
import { median } from '../stats/statistics.js';
import { listIntegrationNames } from '../switchboard/api-client.js';
import { startApiProcess } from '../switchboard/api-process.js';
import type { StageContext } from './stage-context.js';

export async function runColdStartStage({
  profile,
  progress,
  apiLogLevel,
}: StageContext): Promise<ColdStartResult> {
  const samplesMs: number[] = [];
  let integrations: string[] = [];
  for (let sample = 1; sample <= profile.coldStart.samples; sample++) {
    const api = await startApiProcess({ logLevel: apiLogLevel });
    try {
      samplesMs.push(api.healthyAfterMs);
      if (sample === 1) {
        const dispatcher = new Agent();
        integrations = await listIntegrationNames({ url: api.url, apiKey: api.apiKey, dispatcher }).finally(
          () => dispatcher.close(),
        );
      }
      progress(
        'cold-start',
        `sample ${sample}/${profile.coldStart.samples}: /health after ${formatMs(api.healthyAfterMs)}`,
      );
    } finally {
      await api.close();
    }
  }
  return { samplesMs, medianMs: median(samplesMs), integrations };
}
