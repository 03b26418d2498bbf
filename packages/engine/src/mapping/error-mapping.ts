/**
 * @module `error:` — an upstream error body → `{ code?, message? }`, with `$status` and `$headers` bound.
 */
import { evaluateAt } from './evaluate-at.js';
import type { MappingSite } from './mapping-failure.js';

export interface RemoteError {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface MappedError {
  code?: string;
  message?: string;
}

export async function mapRemoteError(site: MappingSite, remote: RemoteError): Promise<MappedError> {
  const result = await evaluateAt(site, remote.body, { status: remote.status, headers: remote.headers });
  if (result === null || typeof result !== 'object') return {};
  const { code, message } = result as Record<string, unknown>;
  const mapped: MappedError = {};
  if (typeof code === 'string' || typeof code === 'number') mapped.code = String(code);
  if (typeof message === 'string' && message !== '') mapped.message = message;
  return mapped;
}
