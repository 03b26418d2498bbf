/**
 * @module The passthrough API: `ANY /passthrough/{path}` sends the raw path under the integration's base URL with
 * auth injected, and streams back the upstream status, headers (minus hop-by-hop and auth) and body as they came.
 * The caller's query is forwarded except Switchboard's own `integrated_account_id`. Any body type is accepted.
 */
import { Readable } from 'node:stream';
import type { HttpMethod } from '@switchboard/schema';
import type { FastifyInstance } from 'fastify';
import { withAccount } from '../account-access.js';
import { passthroughPath } from '../passthrough-path.js';
import { callerOf } from '../request-context.js';
import { requestSignal } from '../request-signal.js';
import type { RouteDeps } from '../route-deps.js';
import { accountIdQuery, errors, UPSTREAM_CALL_ERRORS } from '../schemas/common.js';
import { passRateLimitOn } from '../upstream-rate-limit.js';

/** Request headers a caller may send on to the upstream; everything else (auth, cookies, hop-by-hop) stays. */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'content-type',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
  'prefer',
];

/**
 * Response headers the API sets itself. Hop-by-hop headers, cookies and auth material never leave the engine.
 */
const DROPPED_RESPONSE_HEADERS = new Set([
  // Fastify frames the streamed body anew.
  'content-length',
  // Ours identifies the request to the caller's logs and ours; the upstream's would replace it.
  'x-request-id',
]);

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Whatever the upstream sent is opened as an inert, sandboxed document. */
const PASSTHROUGH_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

export async function passthroughRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  // Encapsulated: only here are bodies taken as raw bytes, whatever their content type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.route<{ Querystring: Record<string, string | string[]> & { integrated_account_id: string } }>({
    method: METHODS,
    url: '/passthrough/*',
    schema: {
      tags: ['proxy'],
      summary: 'Call a raw upstream path under the integration’s base URL',
      description:
        'Only paths under the base URL are reachable: absolute URLs, dot segments, encoded slashes, `@` and ' +
        'CR/LF answer 400. Status, headers and body come back as the upstream sent them.',
      querystring: {
        type: 'object',
        required: ['integrated_account_id'],
        properties: { integrated_account_id: accountIdQuery },
        additionalProperties: {
          anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        },
        maxProperties: 64,
      },
      response: {
        '2xx': { description: 'The upstream response as it came.' },
        ...errors(...UPSTREAM_CALL_ERRORS),
      },
    },
    handler: async (request, reply) => {
      // Refused before anything else, the engine is never asked to resolve a hostile path.
      const path = passthroughPath(request.raw.url ?? request.url);
      const { integrated_account_id, ...query } = request.query;
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const body = request.body;
      const upstream = await withAccount(
        { store: deps.store, log: request.log, afterCall: passRateLimitOn(reply, deps.engine) },
        callerOf(request),
        integrated_account_id,
        (account, context) =>
          deps.engine.passthrough({
            integration: account.integration,
            account: context,
            method: request.method as HttpMethod,
            path,
            query,
            headers,
            signal: requestSignal(reply),
            ...(Buffer.isBuffer(body) && body.length > 0 ? { body: new Uint8Array(body) } : {}),
          }),
      );
      reply.code(upstream.status);
      for (const [name, value] of Object.entries(upstream.headers)) {
        if (!DROPPED_RESPONSE_HEADERS.has(name.toLowerCase())) reply.header(name, value);
      }
      // The body is the upstream's, served from this origin: a browser must neither sniff it into HTML nor run
      // anything in it with this origin's rights.
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-security-policy', PASSTHROUGH_CSP);
      return reply.send(Readable.from(upstream.body));
    },
  });
}
