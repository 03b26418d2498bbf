/**
 * @module One HTTP attempt of one delivery: POST the stored body with the Standard Webhooks headers, no redirects
 * followed, 15 s for the whole answer. Connections go through the guarded lookup unless private networks are
 * allowed; an IP-literal host is checked here, since no lookup happens for it.
 */
import { isIP } from 'node:net';
import { Agent, type Dispatcher, request } from 'undici';
import { isPrivateAddress } from './address-policy.js';
import { guardedLookup } from './guarded-lookup.js';
import type { SignedHeaders } from './signature.js';

export const DELIVERY_TIMEOUT_MS = 15_000;

export interface AttemptResult {
  /** The receiver's status, or `null` when no answer came (refused, timed out, reset). */
  statusCode: number | null;
  /** Why the attempt failed, without the body or any header (never a secret). */
  error: string | null;
}

export function webhookDispatcher(allowPrivateNetworks: boolean): Dispatcher {
  return allowPrivateNetworks
    ? new Agent({ connections: 8 })
    : new Agent({ connections: 8, connect: { lookup: guardedLookup } });
}

export async function sendWebhook(
  url: string,
  headers: SignedHeaders,
  body: string,
  options: { dispatcher: Dispatcher; allowPrivateNetworks: boolean; timeoutMs?: number },
): Promise<AttemptResult> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateNetworks && isIP(host) !== 0 && isPrivateAddress(host)) {
    return { statusCode: null, error: 'the webhook host is a private address; refused' };
  }
  try {
    const answer = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Switchboard-Webhooks/1', ...headers },
      body,
      dispatcher: options.dispatcher,
      signal: AbortSignal.timeout(options.timeoutMs ?? DELIVERY_TIMEOUT_MS),
    });
    // The body is not read for meaning; draining it frees the connection.
    await answer.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    const ok = answer.statusCode >= 200 && answer.statusCode < 300;
    return {
      statusCode: answer.statusCode,
      error: ok ? null : `the receiver answered HTTP ${answer.statusCode}`,
    };
  } catch (error) {
    const name =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : 'unknown';
    return { statusCode: null, error: `no answer: ${name}`.slice(0, 300) };
  }
}
