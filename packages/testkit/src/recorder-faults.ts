/**
 * @module Faults the recording proxy makes itself, so the rate-limited, server-error and token-expiry scenarios
 * record against any upstream (a simulator or a real sandbox) without a fault API: the first data call of the
 * scenario is answered by the proxy — a 429 with the integration's own rate-limit headers, a 503, or a 401 — and
 * the engine's retry that follows goes to the upstream. The synthesized answer is recorded like any other.
 */
import type { CompiledIntegration } from '@switchboard/engine';
import type { RecordedRequest, RecordedResponse } from './fixture.js';
import type { ScenarioKind } from './plan.js';
import { timeHeaders, writeIn } from './reset-headers.js';

export interface RecorderFault {
  /** The scenario it is made for, for messages. */
  readonly kind: ScenarioKind;
  /** The answer to give instead of forwarding `request`, or undefined to forward it. */
  answer(request: RecordedRequest, now: number): RecordedResponse | undefined;
  /** How many answers were made; 0 after a run means the scenario never reached a data call. */
  readonly made: number;
}

// Seconds the synthesized 429 asks to wait: short, since recording waits for real.
const RETRY_SECONDS = 1;

/** A token request (not a data call): the declared token endpoint, or any OAuth2 `grant_type` body. */
export function isTokenRequest(request: RecordedRequest, integration: CompiledIntegration): boolean {
  const body = request.body;
  if (body !== null && typeof body === 'object' && 'grant_type' in body) return true;
  const auth = integration.definition.auth as { token_request?: { path?: string } };
  const path = auth.token_request?.path;
  return typeof path === 'string' && !path.includes('{{') && path.startsWith('/') && request.path === path;
}

function rateLimited(integration: CompiledIntegration, now: number): RecordedResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const declared = integration.definition.rate_limit;
  if (declared?.headers) {
    const limit = declared.policies?.[0]?.limit;
    if (declared.headers.limit && limit !== undefined)
      headers[declared.headers.limit.toLowerCase()] = String(limit);
    headers[declared.headers.remaining.toLowerCase()] = '0';
  }
  for (const header of timeHeaders(integration))
    headers[header.name] = writeIn(header.format, RETRY_SECONDS, now);
  return { status: 429, headers, body: { error: 'rate limited (made by switchboard record)' } };
}

const ANSWERS: Partial<
  Record<ScenarioKind, (integration: CompiledIntegration, now: number) => RecordedResponse>
> = {
  rate_limited: rateLimited,
  server_error: () => ({
    status: 503,
    headers: { 'content-type': 'application/json' },
    body: { error: 'service unavailable (made by switchboard record)' },
  }),
  token_refresh: () => ({
    status: 401,
    headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' },
    body: { error: 'invalid_token', error_description: 'token expired (made by switchboard record)' },
  }),
};

/** The fault a scenario needs, or undefined when the upstream is to be left alone. */
export function recorderFault(
  kind: ScenarioKind,
  integration: CompiledIntegration,
): RecorderFault | undefined {
  const make = ANSWERS[kind];
  if (!make) return undefined;
  let made = 0;
  return {
    kind,
    get made() {
      return made;
    },
    answer(request, now) {
      if (made > 0 || isTokenRequest(request, integration)) return undefined;
      made++;
      return make(integration, now);
    },
  };
}
