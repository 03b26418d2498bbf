/**
 * @module The three ways a client presents its API credentials to the token endpoints (reference §2.1):
 * OneLogin's custom header (`client_id:<id>, client_secret:<secret>`, with or without the space), HTTP Basic,
 * and a form body.
 */
import type { RequestBody } from '@switchboard/sim-kit';

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

const CUSTOM_HEADER = /^\s*client_id\s*:\s*([^,\s]+)\s*,\s*client_secret\s*:\s*(\S+)\s*$/i;
const BASIC = /^\s*basic\s+([A-Za-z0-9+/=_-]+)\s*$/i;

/** `undefined` when no credentials are present or the header cannot be read. */
export function readClientCredentials(
  authorization: string | undefined,
  body: RequestBody,
): ClientCredentials | undefined {
  if (authorization !== undefined && authorization.trim() !== '') return fromHeader(authorization);
  if (body.kind === 'form') {
    const clientId = body.value['client_id'];
    const clientSecret = body.value['client_secret'];
    if (clientId && clientSecret) return { clientId, clientSecret };
  }
  return undefined;
}

function fromHeader(authorization: string): ClientCredentials | undefined {
  const custom = CUSTOM_HEADER.exec(authorization);
  if (custom?.[1] !== undefined && custom[2] !== undefined)
    return { clientId: custom[1], clientSecret: custom[2] };
  const basic = BASIC.exec(authorization);
  if (basic?.[1] === undefined) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}
