/**
 * @module The passthrough API: a raw upstream path under the base URL with auth injected, streamed back as it
 * came. The caller's credentials and hop-by-hop headers are not forwarded; upstream cookies and auth challenges
 * (bound to Switchboard's credentials, not the caller's) are not returned.
 */
import type { StreamedResponse } from '../http/upstream.js';
import type { PassthroughInput } from './contract.js';
import type { EngineInternals } from './engine-internals.js';
import { checkPassthroughPath } from './passthrough-path.js';

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];
const NOT_FORWARDED = new Set([
  ...HOP_BY_HOP,
  'host',
  'authorization',
  'proxy-authorization',
  'cookie',
  'content-length',
]);
const NOT_RETURNED = new Set([...HOP_BY_HOP, 'proxy-authenticate', 'www-authenticate', 'set-cookie']);
/** Switchboard's own query parameters. */
const OWN_PARAMS = new Set(['integrated_account_id']);

export async function runPassthrough(
  engine: EngineInternals,
  input: PassthroughInput,
): Promise<StreamedResponse> {
  const path = checkPassthroughPath(input.path);
  const integration = engine.integration(input.integration);
  const session = engine.http.session(integration, input.account);
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(input.query ?? {}))
    if (!OWN_PARAMS.has(name)) query[name] = value;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (!NOT_FORWARDED.has(name.toLowerCase())) headers[name] = value;
  }
  const response = await session.stream(
    {
      method: input.method,
      path,
      query,
      headers,
      label: 'passthrough',
      ...(input.body !== undefined ? { rawBody: input.body } : {}),
    },
    input.signal ? { signal: input.signal } : {},
  );
  const returned: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!NOT_RETURNED.has(name.toLowerCase())) returned[name] = value;
  }
  return { status: response.status, headers: returned, body: response.body };
}
