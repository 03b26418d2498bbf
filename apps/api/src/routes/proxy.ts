/**
 * @module The Proxy API: `/proxy/{resource}[/{id}]`, 1-to-1 with the resources an integration file declares.
 * Lists answer the list envelope with the upstream items as they came; single calls answer the upstream body and
 * status. Auth, pagination, rate limits and retries are the engine's.
 */
import type { ProxyResult, ResponseFormat } from '@switchboard/engine';
import type { HttpMethod } from '@switchboard/schema';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withAccount } from '../account-access.js';
import { proxyListBytes } from '../list-bytes.js';
import { plainJson } from '../plain-json.js';
import { pagingOf } from '../proxy-paging.js';
import { callerOf } from '../request-context.js';
import { requestSignal } from '../request-signal.js';
import type { RouteDeps } from '../route-deps.js';
import {
  accountIdQuery,
  cursorQuery,
  errors,
  extraQueryParameters,
  IdParam,
  limitQuery,
  listEnvelope,
  UPSTREAM_CALL_ERRORS,
} from '../schemas/common.js';
import { passRateLimitOn } from '../upstream-rate-limit.js';

interface ProxyQuery {
  integrated_account_id: string;
  /** A number on lists (validated by the route); text on a get, checked only if that get is paged. */
  limit?: number | string;
  next_cursor?: string;
  response_format: ResponseFormat;
  [name: string]: unknown;
}

interface ProxyParams {
  resource: string;
  id?: string;
}

/** Never forwarded; `limit` and `next_cursor` are also the Proxy API's own on a paged call (a list, a paged get). */
const OWN_PARAMETERS = new Set(['integrated_account_id', 'response_format']);
const PAGING_PARAMETERS = new Set(['limit', 'next_cursor']);

const resourceParam = { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 100 } as const;

/**
 * A get's `limit` and `next_cursor`: the route cannot tell whether the resource's get is paged, so they are text
 * here; a paged get checks them as lists do (`proxy-paging.ts`), any other forwards them.
 */
const getPaging = {
  limit: {
    type: 'string',
    maxLength: 2048,
    description:
      'On a get that answers a paged collection: the page size, checked as on lists (an integer from 1 to 1000; anything else answers 400). On any other get: forwarded to the upstream untouched.',
  },
  next_cursor: {
    type: 'string',
    maxLength: cursorQuery.maxLength,
    description:
      'On a get that answers a paged collection: the `next_cursor` of the previous page, exactly as returned. On any other get: forwarded to the upstream untouched.',
  },
} as const;

function querystring(paging: 'list' | 'get' | 'none') {
  return {
    type: 'object',
    required: ['integrated_account_id'],
    properties: {
      integrated_account_id: accountIdQuery,
      ...(paging === 'list' ? { limit: limitQuery, next_cursor: cursorQuery } : {}),
      ...(paging === 'get' ? getPaging : {}),
      response_format: {
        type: 'string',
        enum: ['unified', 'raw', 'debug'],
        default: 'unified',
        description: '`debug` adds `debug.trace`: each upstream exchange with secrets masked.',
      },
    },
    ...extraQueryParameters,
    description:
      'Other parameters are forwarded to the upstream, except those naming a placeholder of the resource path (`{{ group_id }}`), which fill it; a missing one answers 400.',
  };
}

const upstreamBody = { description: 'The upstream body as it came.' };
const upstreamBodyOrPage = {
  description:
    'The upstream body as it came; for a resource whose get answers a paged collection (a group’s members), the list envelope, paged with `limit` and `next_cursor` like a list. On any other get, `limit` and `next_cursor` are forwarded to the upstream like other parameters.',
};

export async function proxyRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const tags = ['proxy'];
  const routes: { method: HttpMethod; withId: boolean; summary: string }[] = [
    { method: 'GET', withId: false, summary: 'List upstream records (paged like unified lists)' },
    { method: 'POST', withId: false, summary: 'Create an upstream record' },
    {
      method: 'POST',
      withId: true,
      summary: "Act on one upstream record (e.g. a lifecycle call: the resource's create with `{{ id }}`)",
    },
    { method: 'GET', withId: true, summary: 'Read an upstream record' },
    { method: 'PUT', withId: true, summary: 'Replace an upstream record' },
    { method: 'PATCH', withId: true, summary: 'Update an upstream record' },
    { method: 'DELETE', withId: true, summary: 'Delete an upstream record' },
  ];
  for (const route of routes) {
    const list = route.method === 'GET' && !route.withId;
    // A get whose answer is a paged collection (a resource `get` with `pagination:`) pages like a list; whether
    // it does is only known once the account's integration is (`handle`).
    const paged = route.method === 'GET';
    const hasBody = route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH';
    app.route<{ Params: ProxyParams; Querystring: ProxyQuery; Body: unknown }>({
      method: route.method,
      url: route.withId ? '/proxy/:resource/:id' : '/proxy/:resource',
      schema: {
        tags,
        summary: route.summary,
        params: {
          type: 'object',
          required: route.withId ? ['resource', 'id'] : ['resource'],
          properties: route.withId ? { resource: resourceParam, id: IdParam } : { resource: resourceParam },
        },
        querystring: querystring(list ? 'list' : paged ? 'get' : 'none'),
        ...(hasBody ? { body: { description: 'Sent to the upstream as is.' } } : {}),
        response: {
          ...(list
            ? { 200: listEnvelope({ description: 'An upstream item.' }, 'A page of upstream items.') }
            : { '2xx': paged ? upstreamBodyOrPage : upstreamBody }),
          ...errors(...UPSTREAM_CALL_ERRORS),
        },
      },
      handler: (request, reply) => handle(deps, route.method, request, reply),
    });
  }
}

async function handle(
  deps: RouteDeps,
  method: HttpMethod,
  request: FastifyRequest<{ Params: ProxyParams; Querystring: ProxyQuery; Body: unknown }>,
  reply: FastifyReply,
): Promise<unknown> {
  const { resource, id } = request.params;
  const { integrated_account_id, response_format: format } = request.query;
  const result: ProxyResult = await withAccount(
    { store: deps.store, log: request.log, afterCall: passRateLimitOn(reply, deps.engine) },
    callerOf(request),
    integrated_account_id,
    (account, context) => {
      const call = { resource, method, ...(id === undefined ? {} : { id }) };
      // `limit` and `next_cursor` are ours on a paged call; on any other they are the caller's, for the upstream.
      const paged = deps.engine.proxyPaged(account.integration, call);
      const query: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.query)) {
        if (OWN_PARAMETERS.has(name) || (paged && PAGING_PARAMETERS.has(name))) continue;
        if (typeof value === 'string') query[name] = value;
      }
      return deps.engine.proxy({
        integration: account.integration,
        account: context,
        ...call,
        query,
        format,
        signal: requestSignal(reply),
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(paged ? pagingOf(request.query) : {}),
        // A list's items are written as the upstream's bytes (`proxyListBytes`), never read: no need to parse them.
        itemsAsBytes: true,
      });
    },
  );
  const debug = format === 'debug' ? { debug: { trace: result.trace ?? [] } } : {};
  if (result.kind === 'list') {
    // Items are upstream JSON with no schema of their own: written as the upstream sent them, never parsed
    // and serialised again (the route's response schema documents the envelope).
    return plainJson(reply).send(
      proxyListBytes({
        result: result.result,
        next_cursor: result.next_cursor,
        result_count: result.result_count,
        ...debug,
      }),
    );
  }
  if (format !== 'unified') plainJson(reply);
  reply.code(result.status);
  if (format === 'debug') return { result: result.body, ...debug };
  if (result.body === null || result.body === undefined || result.status === 204) {
    return reply.send();
  }
  // Upstream bodies are any JSON (or text): serialize as they are, never through a schema.
  return plainJson(reply).send(result.body);
}
