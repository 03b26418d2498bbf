/**
 * @module The passthrough API: a raw upstream path under the base URL with auth injected, streamed back as it
 * came. The caller's credentials and hop-by-hop headers are not forwarded; upstream cookies and auth challenges
 * (bound to Switchboard's credentials, not the caller's) are not returned.
 */
import type { StreamedResponse } from '../http/upstream.js';
import type { PassthroughInput } from './contract.js';
import type { EngineInternals } from './engine-internals.js';
import { checkPassthroughPath } from './passthrough-path.js';

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
  return session.stream(
    {
      method: input.method,
      path,
      query,
      // `session.stream` drops the caller's credentials and hop-by-hop headers, both ways.
      headers: input.headers ?? {},
      label: 'passthrough',
      ...(input.body !== undefined ? { rawBody: input.body } : {}),
    },
    input.signal ? { signal: input.signal } : {},
  );
}
