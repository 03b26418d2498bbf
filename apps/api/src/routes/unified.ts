/**
 * @module The Unified API: `/unified/{model}/{resource}[/{id}]` with list, get, create, update and delete for every
 * resource of every model in `schemas/unified-models.ts`. Each call names its account with
 * `?integrated_account_id=`; the engine does the rest (filters, cursors, mapping, writes).
 */
import type { AccountContext, ResponseFormat } from '@switchboard/engine';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withAccount } from '../account-access.js';
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
import { UNIFIED_MODELS, type UnifiedResourceSpec } from '../schemas/unified-models.js';
import { listAnswer, recordAnswer } from '../unified-answer.js';
import { parseExpand, splitQuery } from '../unified-query.js';
import { passRateLimitOn } from '../upstream-rate-limit.js';

interface RecordQuery {
  integrated_account_id: string;
  remote_data: boolean;
  response_format: ResponseFormat;
}

interface GetQuery extends RecordQuery {
  expand?: string;
}

interface ListQuery extends RecordQuery {
  expand?: string;
  limit?: number;
  next_cursor?: string;
  [filter: string]: unknown;
}

const recordQueryProperties = {
  integrated_account_id: accountIdQuery,
  remote_data: {
    type: 'boolean',
    default: true,
    description: 'Include `remote_data`, the upstream record, on each record.',
  },
  response_format: {
    type: 'string',
    enum: ['unified', 'raw', 'debug'],
    default: 'unified',
    description:
      '`raw`: `{ raw: [upstream bodies] }` (lists keep their cursor fields); `debug`: the unified answer plus ' +
      '`debug.trace`, each upstream exchange with secrets masked.',
  },
} as const;

const recordQuery = {
  type: 'object',
  required: ['integrated_account_id'],
  additionalProperties: false,
  properties: recordQueryProperties,
} as const;

const expandQuery = {
  type: 'string',
  maxLength: 500,
  pattern: '^[a-z0-9_, ]*$',
  description:
    "Comma-separated fields that cost extra upstream calls for some integrations (e.g. `groups,roles`); without it those fields are absent for such integrations. The account's capabilities list what can be expanded; another name answers 400.",
} as const;

const getQuery = {
  ...recordQuery,
  properties: { ...recordQueryProperties, expand: expandQuery },
} as const;

const idParams = { type: 'object', required: ['id'], properties: { id: IdParam } } as const;

export async function unifiedRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  for (const model of UNIFIED_MODELS) {
    for (const [resource, spec] of Object.entries(model.resources)) {
      registerResource(app, deps, model.name, resource, spec);
    }
  }
}

function registerResource(
  app: FastifyInstance,
  deps: RouteDeps,
  model: string,
  resource: string,
  spec: UnifiedResourceSpec,
): void {
  const path = `/unified/${model}/${resource}`;
  const recordRef = { $ref: `${spec.record}#` };
  const tags = [`unified: ${model}`];
  const { engine } = deps;
  const operation = (request: FastifyRequest, reply: FastifyReply, query: RecordQuery) => ({
    model,
    resource,
    remoteData: query.remote_data,
    format: query.response_format,
    signal: requestSignal(reply),
    caller: callerOf(request),
  });

  app.get<{ Querystring: ListQuery }>(
    path,
    {
      schema: {
        tags,
        summary: `List ${resource}`,
        description: `Filters the contract names for ${resource}: ${spec.filters.join(', ') || 'none'}. A filter the integration cannot apply answers 400 naming those it supports. \`remote_query[NAME]=VALUE\` is forwarded to the upstream untouched.`,
        querystring: {
          type: 'object',
          required: ['integrated_account_id'],
          properties: {
            ...recordQueryProperties,
            expand: expandQuery,
            limit: limitQuery,
            next_cursor: cursorQuery,
            ...spec.filterSchemas,
          },
          ...extraQueryParameters,
        },
        response: {
          200: listEnvelope(recordRef, `A page of ${resource}.`),
          ...errors(...UPSTREAM_CALL_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const { caller, ...common } = operation(request, reply, request.query);
      const { limit, next_cursor: cursor } = request.query;
      const { filters, remoteQuery } = splitQuery(request.query);
      const expand = parseExpand(request.query.expand);
      const result = await call(deps, request, reply, caller, (integration, account) =>
        engine.list({
          ...common,
          integration,
          account,
          filters,
          remoteQuery,
          ...(expand === undefined ? {} : { expand }),
          ...(limit === undefined ? {} : { limit }),
          ...(cursor === undefined ? {} : { cursor }),
        }),
      );
      return listAnswer(reply, result, common.format);
    },
  );

  app.get<{ Params: { id: string }; Querystring: GetQuery }>(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `Get one of ${resource}`,
        params: idParams,
        querystring: getQuery,
        response: { 200: recordRef, ...errors(...UPSTREAM_CALL_ERRORS) },
      },
    },
    async (request, reply) => {
      const { caller, ...common } = operation(request, reply, request.query);
      const expand = parseExpand(request.query.expand);
      const result = await call(deps, request, reply, caller, (integration, account) =>
        engine.get({
          ...common,
          integration,
          account,
          id: request.params.id,
          ...(expand === undefined ? {} : { expand }),
        }),
      );
      return recordAnswer(reply, result, common.format);
    },
  );

  app.post<{ Querystring: RecordQuery; Body: Record<string, unknown> }>(
    path,
    {
      schema: {
        tags,
        summary: `Create one of ${resource}`,
        querystring: recordQuery,
        body: spec.create === undefined ? anyObject : { $ref: `${spec.create}#` },
        response: { 201: recordRef, ...errors(...UPSTREAM_CALL_ERRORS) },
      },
    },
    async (request, reply) => {
      const { caller, ...common } = operation(request, reply, request.query);
      const result = await call(deps, request, reply, caller, (integration, account) =>
        engine.create({ ...common, integration, account, body: request.body }),
      );
      reply.code(201);
      return recordAnswer(reply, result, common.format);
    },
  );

  app.patch<{ Params: { id: string }; Querystring: RecordQuery; Body: Record<string, unknown> }>(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `Update one of ${resource}`,
        params: idParams,
        querystring: recordQuery,
        body: spec.update === undefined ? anyObject : { $ref: `${spec.update}#` },
        response: { 200: recordRef, ...errors(...UPSTREAM_CALL_ERRORS) },
      },
    },
    async (request, reply) => {
      const { caller, ...common } = operation(request, reply, request.query);
      const result = await call(deps, request, reply, caller, (integration, account) =>
        engine.update({ ...common, integration, account, id: request.params.id, body: request.body }),
      );
      return recordAnswer(reply, result, common.format);
    },
  );

  app.delete<{ Params: { id: string }; Querystring: RecordQuery }>(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `Delete one of ${resource}`,
        params: idParams,
        querystring: recordQuery,
        response: {
          200: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
          ...errors(...UPSTREAM_CALL_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const { caller, ...common } = operation(request, reply, request.query);
      const result = await call(deps, request, reply, caller, (integration, account) =>
        engine.delete({ ...common, integration, account, id: request.params.id }),
      );
      const answer = recordAnswer(reply, result, common.format);
      return common.format === 'unified' ? { id: request.params.id } : answer;
    },
  );
}

const anyObject = { type: 'object', additionalProperties: true } as const;

type EngineCall<T> = (integration: string, account: AccountContext) => Promise<T>;

function call<T>(
  deps: RouteDeps,
  request: FastifyRequest<{ Querystring: RecordQuery }>,
  reply: FastifyReply,
  caller: ReturnType<typeof callerOf>,
  run: EngineCall<T>,
): Promise<T> {
  return withAccount(
    { store: deps.store, log: request.log, afterCall: passRateLimitOn(reply, deps.engine) },
    caller,
    request.query.integrated_account_id,
    (account, context) => run(account.integration, context),
  );
}
