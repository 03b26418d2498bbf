/**
 * @module Verifies a webhook delivery per the Standard Webhooks specification, with no dependency: the
 * `webhook-signature` header holds one or more `v1,<base64 HMAC-SHA256("{id}.{timestamp}.{body}")>` keyed with
 * the base64 part of the `whsec_…` secret; a timestamp more than five minutes away is refused (replays).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SDK_ERROR_CODES, SwitchboardSdkError } from './errors.js';

const TOLERANCE_SECONDS = 5 * 60;

export type WebhookHeaders = Record<string, string | string[] | undefined> | Headers;

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function refuse(reason: string): never {
  throw new SwitchboardSdkError(SDK_ERROR_CODES.webhookInvalid, `webhook verification failed: ${reason}`);
}

/**
 * The event, parsed, when `body` (the raw request body, exactly as received) was signed with `secret`; throws
 * `SwitchboardSdkError` (`SB_SDK_WEBHOOK_INVALID`) otherwise.
 *
 * @example
 * const event = verifyWebhook(process.env.WEBHOOK_SECRET, request.headers, rawBody);
 * if (await alreadySeen(event.id)) return; // at least once: dedupe on the id
 */
export function verifyWebhook<T = unknown>(
  secret: string,
  headers: WebhookHeaders,
  body: string | Uint8Array,
  now: Date = new Date(),
): T {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) refuse('missing webhook-id, webhook-timestamp or webhook-signature');
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds)) refuse('webhook-timestamp is not a number');
  if (Math.abs(now.getTime() / 1000 - seconds) > TOLERANCE_SECONDS)
    refuse('the timestamp is too old or in the future');
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${text}`).digest();
  const valid = signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || signature === undefined) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!valid) refuse('no signature matches');
  try {
    return JSON.parse(text) as T;
  } catch {
    return refuse('the body is not JSON');
  }
}
