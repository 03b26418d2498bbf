/**
 * @module pino settings for the API: structured logs that never carry a credential. Request bodies are never
 * logged; authorization headers, connection secrets and tokens are censored wherever they appear by name, and
 * link tokens are masked out of logged URLs.
 */
import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/** Field names whose values are censored at any of the first three levels of a log line. */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'client_secret',
  'password',
  'access_token',
  'refresh_token',
  'api_key',
  'apiKey',
  'secrets',
  'connection',
  'link_token',
  'token',
];

/** pino options: level, redaction and a request serializer that omits headers and masks link tokens. */
export function loggerOptions(level: string): LoggerOptions {
  const paths = [
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["x-api-key"]',
    ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  ];
  return {
    level,
    redact: { paths, censor: '[redacted]' },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: maskUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}

/** `/connect/<token>` and `link_token=` values are bearer secrets: never write them to a log. */
export function maskUrl(url: string): string {
  return url
    .replace(/^\/connect\/[^/?#]+/, '/connect/[redacted]')
    .replace(/([?&]link_token=)[^&#]*/g, '$1[redacted]');
}
