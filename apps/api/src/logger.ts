/**
 * @module pino settings for the API: structured logs that never carry a credential. Request bodies are never
 * logged; authorization headers, connection secrets and tokens are censored by name wherever they appear in a
 * line (`log-censor.ts`) and at the top of a child logger's bindings (pino's redaction, with literal paths
 * only: its wildcard paths are what made every line expensive), and link tokens are masked out of logged URLs.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type LoggerOptions, stdSerializers } from 'pino';
import { CENSOR, censorLogLine, censorSecrets, SECRET_KEYS } from './log-censor.js';

/**
 * pino options: level, censoring, a request serializer that omits headers and masks link tokens, and an error
 * serializer whose output is censored too.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    formatters: { log: censorLogLine },
    // pino formats child bindings without `formatters`; its redaction does reach them.
    redact: { paths: [...SECRET_KEYS].map(redactPath), censor: CENSOR },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: maskUrl(request.url),
        remoteAddress: request.ip,
      }),
      res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
      err: (error: Error) => censorSecrets(stdSerializers.err(error), 2),
    },
  };
}

function redactPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
}

/** Query values that identify no person and help reading a log; every other value is masked. */
const LOGGED_QUERY_VALUES = new Set(['integrated_account_id', 'limit', 'response_format', 'remote_data']);

/**
 * The URL as it may be logged: `/connect/<token>` is a bearer secret, and query values are the caller's filters
 * (an email, a name): the path and the parameter names are kept, the values masked (but a few harmless ones).
 */
export function maskUrl(url: string): string {
  const masked = url.replace(/^\/connect\/[^/?#]+/, '/connect/[redacted]');
  const start = masked.indexOf('?');
  if (start === -1) return masked;
  const query = masked
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return pair;
      const name = pair.slice(0, equals);
      return LOGGED_QUERY_VALUES.has(name) ? pair : `${name}=[redacted]`;
    })
    .join('&');
  return `${masked.slice(0, start)}?${query}`;
}
