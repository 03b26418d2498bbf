/**
 * @module Bearer authentication. API keys resolve to their environment through the store (hashed lookups);
 * `/admin/*` compares the operator token in constant time. Public paths (`/health`, `/openapi.json`, `/docs`,
 * `/connect/*`, `/connect.js`) and unknown routes (which answer 404 anyway) need nothing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Store } from '@switchboard/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Unauthorized } from '../errors.js';
import type { Access } from '../request-context.js';

const PUBLIC_EXACT = new Set(['/health', '/openapi.json', '/connect.js']);
const PUBLIC_PREFIXES = ['/docs', '/connect/'];
// Real keys are ~50 characters; anything far longer is not worth hashing.
const MAX_TOKEN_LENGTH = 512;

export interface AuthenticationOptions {
  store: Store;
  adminToken?: string;
}

/** Adds the `onRequest` hook that sets `request.caller` or answers 401. */
export function installAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  const adminDigest = options.adminToken === undefined ? undefined : digest(options.adminToken);
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    const access = accessOf(request);
    if (access === 'public') return;
    const token = bearerToken(request.headers.authorization);
    if (access === 'admin') {
      if (token === undefined || adminDigest === undefined || !timingSafeEqual(digest(token), adminDigest)) {
        throw new Unauthorized('send Authorization: Bearer <admin token>');
      }
      return;
    }
    if (token === undefined) throw new Unauthorized('send Authorization: Bearer <api key>');
    const key = await options.store.apiKeys.authenticate(token);
    if (key === undefined) throw new Unauthorized('unknown API key');
    request.caller = { apiKeyId: key.id, environmentId: key.environmentId };
  });
}

function accessOf(request: FastifyRequest): Access {
  if (request.is404) return 'public';
  const configured = request.routeOptions.config.sbAccess;
  if (configured !== undefined) return configured;
  const url = request.routeOptions.url ?? '';
  if (PUBLIC_EXACT.has(url) || PUBLIC_PREFIXES.some((prefix) => url.startsWith(prefix))) return 'public';
  return 'api-key';
}

function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.length > MAX_TOKEN_LENGTH + 10) return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
