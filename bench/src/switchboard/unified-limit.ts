/**
 * @module The largest `limit` a unified list accepts, read from the integration file (the source of truth the
 * API validates against), so the bench follows the file when the limit changes.
 */
import { loadIntegrationFile } from '@switchboard/engine';
import { BenchPieceMissing } from '../errors.js';
import { PATHS } from '../paths.js';

export async function unifiedListMaxLimit(model: string, resource: string): Promise<number> {
  const integration = await loadIntegrationFile(PATHS.oneLoginFile);
  const unified = integration.definition.unified as Record<string, Record<string, unknown>> | undefined;
  const list = (unified?.[model]?.[resource] as { list?: { limit?: { max?: unknown } } } | undefined)?.list;
  const max = list?.limit?.max;
  if (typeof max !== 'number') {
    throw new BenchPieceMissing(`onelogin.yaml declares no limit.max for ${model}/${resource} list`);
  }
  return max;
}
