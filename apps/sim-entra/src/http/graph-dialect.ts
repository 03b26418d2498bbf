/**
 * @module How Graph words what the shared request guard and fallback handlers decide (entra-api.md §2): 401
 * `InvalidAuthenticationToken` with `WWW-Authenticate`, 429 `TooManyRequests` with `Retry-After` and the
 * `x-ms-throttle-*` headers, 5xx in the Graph envelope, unknown segments as 400 `BadRequest`.
 */
import { STATUS_CODES } from 'node:http';
import { type FallbackDialect, type GuardDialect, pathOf, type RateLimitReading } from '@switchboard/sim-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { claimedTenant, readBearer } from '../auth/access-token.js';
import { sendGraphError } from '../wire/graph-error.js';
import { TokenError, tokenErrorBody } from '../wire/token-error.js';
import type { SimContext } from './context.js';

const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

const SERVER_ERRORS: Readonly<Record<number, { code: string; message: string }>> = {
  500: { code: 'generalException', message: 'An unspecified error has occurred.' },
  502: { code: 'BadGateway', message: 'Bad Gateway' },
  503: {
    code: 'serviceNotAvailable',
    message: 'The service is temporarily unavailable. Please try again later.',
  },
  504: { code: 'GatewayTimeout', message: 'Gateway Timeout' },
};

export function graphGuardDialect(context: SimContext): GuardDialect {
  const unauthorized = (request: FastifyRequest, reply: FastifyReply, message: string) =>
    sendGraphError(request, reply, 401, 'InvalidAuthenticationToken', message, {
      'www-authenticate': WWW_AUTHENTICATE,
    });
  return {
    readCredential: (request) => readBearer(request.headers.authorization),
    missingCredential: (request, reply) => unauthorized(request, reply, 'Access token is empty.'),
    badCredential: (request, reply) => {
      const token = readBearer(request.headers.authorization) ?? '';
      // A token this tenant issued that no longer works has expired (or was revoked); anything else is garbage.
      return claimedTenant(token) === context.state.tenant.identity.tenantId
        ? unauthorized(request, reply, 'Access token has expired or is not yet valid.')
        : unauthorized(request, reply, 'Access token validation failure. Invalid audience.');
    },
    rateLimited: (request, reply, reading) => {
      const { tenantId } = context.state.tenant.identity;
      return sendGraphError(
        request,
        reply,
        429,
        'TooManyRequests',
        `Too many requests from Identifier:${tenantId}+${context.options.clientId} under category:throttle.aad.ags.tenant.application.readwrite. Please try again later.`,
        {
          'retry-after': String(reading.resetSeconds),
          'x-ms-throttle-scope': `Tenant_Application/ReadWrite/${tenantId}/${context.options.clientId}`,
          'x-ms-throttle-information': 'ResourceUnitLimitExceeded',
        },
      );
    },
    serverError: (request, reply, status) => {
      const known = SERVER_ERRORS[status] ?? {
        code: 'UnknownError',
        message: STATUS_CODES[status] ?? 'Server Error',
      };
      return sendGraphError(request, reply, status, known.code, known.message);
    },
    rateLimitHeaders: (reply, reading: RateLimitReading) => {
      const used = reading.limit - reading.remaining;
      // Graph adds the percentage only once an application has used more than 80 % of its limit.
      if (used > reading.limit * 0.8)
        reply.header('x-ms-throttle-limit-percentage', (used / reading.limit).toFixed(1));
    },
  };
}

export function graphFallbackDialect(context: SimContext): FallbackDialect {
  return {
    notFound: (request, reply) => {
      const path = pathOf(request);
      if (path.startsWith('/v1.0/') || path === '/v1.0') {
        const segment =
          path
            .split('/')
            .filter((part) => part !== '')
            .at(-1) ?? 'v1.0';
        return sendGraphError(
          request,
          reply,
          400,
          'BadRequest',
          `Resource not found for the segment '${segment}'.`,
        );
      }
      if (/\/oauth2\/v2\.0\/token$/.test(path)) {
        const error = new TokenError(
          400,
          'invalid_request',
          900561,
          `The endpoint only accepts POST, OPTIONS requests. Received a ${request.method} request.`,
        );
        return reply.code(400).send(tokenErrorBody(error, context.now(), () => context.state.ids.guid()));
      }
      return reply.code(404).type('text/plain').send('Not Found');
    },
    // Routes throw GraphError (its code is Graph's); Fastify's own errors carry FST_* codes.
    error: (request, reply, status, message, code) => {
      if (code !== undefined && !code.startsWith('FST_') && status < 500) {
        return sendGraphError(request, reply, status, code, message);
      }
      if (status === 400 && /json/i.test(message)) {
        return sendGraphError(
          request,
          reply,
          400,
          'BadRequest',
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
        );
      }
      return sendGraphError(
        request,
        reply,
        status,
        status >= 500 ? 'generalException' : 'BadRequest',
        message,
      );
    },
  };
}
