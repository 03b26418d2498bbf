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
  limit?: number;
  next_cursor?: string;
  response_format: ResponseFormat;
  [name: string]: unknown;
}

interface ProxyParams {
  resource: string;
  id?: string;
}

const OWN_PARAMETERS = new Set(['integrated_account_id', 'limit', 'next_cursor', 'response_format']);

const resourceParam = { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 100 } as const;

function querystring(list: boolean) {
  return {
    type: 'object',
    required: ['integrated_account_id'],
    properties: {
      integrated_account_id: accountIdQuery,
      ...(list ? { limit: limitQuery, next_cursor: cursorQuery } : {}),
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
    'The upstream body as it came; for a resource whose get answers a paged collection (a group’s members), the list envelope, paged with `limit` and `next_cursor` like a list.',
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
    // A get whose answer is a paged collection (a resource `get` with `pagination:`) pages like a list.
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
        querystring: querystring(paged),
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
  const { integrated_account_id, limit, next_cursor, response_format: format } = request.query;
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.query)) {
    if (!OWN_PARAMETERS.has(name) && typeof value === 'string') query[name] = value;
  }
  const result: ProxyResult = await withAccount(
    { store: deps.store, log: request.log, afterCall: passRateLimitOn(reply, deps.engine) },
    callerOf(request),
    integrated_account_id,
    (account, context) =>
      deps.engine.proxy({
        integration: account.integration,
        account: context,
        resource,
        method,
        query,
        format,
        signal: requestSignal(reply),
        ...(id === undefined ? {} : { id }),
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(limit === undefined ? {} : { limit }),
        ...(next_cursor === undefined ? {} : { cursor: next_cursor }),
      }),
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
