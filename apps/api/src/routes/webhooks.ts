/**
 * @module Webhooks per environment: `POST|GET /webhooks`, `GET|PATCH|DELETE /webhooks/:id`,
 * `GET /webhooks/:id/deliveries`, `POST /webhooks/:id/test`. URLs are checked against SSRF at creation (and again
 * at every connection); the signing secret is shown once, at creation, and stored sealed.
 */
import { randomUUID } from 'node:crypto';
import { webhookUrlProblem } from '@switchboard/changefeed';
import { EVENT_TYPES, isEventPattern, type Webhook } from '@switchboard/store';
import type { FastifyInstance } from 'fastify';
import { NotFound, ValidationFailed } from '../errors.js';
import { callerOf } from '../request-context.js';
import type { RouteDeps } from '../route-deps.js';
import { errors, IdParam, listEnvelope } from '../schemas/common.js';
import { storePage } from '../store-page.js';

const idParams = { type: 'object', required: ['id'], properties: { id: IdParam } } as const;
const pageQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    next_cursor: { type: 'string', minLength: 1, maxLength: 2048 },
  },
} as const;
const tags = ['webhooks'];
const MAX_WEBHOOKS = 50;

const webhookSchema = {
  type: 'object',
  required: ['id', 'url', 'events', 'description', 'created_at', 'updated_at'],
  properties: {
    id: { type: 'string' },
    url: { type: 'string' },
    events: { type: 'array', items: { type: 'string' } },
    description: { type: ['string', 'null'] },
    created_at: { type: 'string' },
    updated_at: { type: 'string' },
  },
} as const;

const deliverySchema = {
  type: 'object',
  required: [
    'id',
    'event_id',
    'event_type',
    'status',
    'attempts',
    'last_status_code',
    'next_attempt_at',
    'created_at',
    'updated_at',
  ],
  properties: {
    id: { type: 'string' },
    event_id: { type: 'string', description: 'The `webhook-id` header of every attempt.' },
    event_type: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'delivered', 'failed'] },
    attempts: { type: 'integer' },
    last_status_code: { type: ['integer', 'null'] },
    last_error: { type: ['string', 'null'] },
    next_attempt_at: { type: ['string', 'null'] },
    created_at: { type: 'string' },
    updated_at: { type: 'string' },
  },
} as const;

const writableProperties = {
  url: { type: 'string', minLength: 1, maxLength: 2048 },
  events: {
    type: 'array',
    minItems: 1,
    maxItems: 50,
    uniqueItems: true,
    items: { type: 'string', minLength: 1, maxLength: 100 },
    description: `Event types or families: ${EVENT_TYPES.join(', ')}, \`user.*\`, \`*\`.`,
  },
  description: { type: ['string', 'null'], maxLength: 500 },
} as const;

interface WebhookBody {
  url?: string;
  events?: string[];
  description?: string | null;
}

function invalid(field: string, message: string): never {
  throw new ValidationFailed(`invalid request: body/${field} ${message}`, {
    details: { issues: [{ location: 'body', path: `/${field}`, message }] },
  });
}

function view(webhook: Webhook) {
  const { environment_id: _environment, ...rest } = webhook;
  return rest;
}

export async function webhookRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const feed = deps.changeFeed.service.feed;
  const now = () => deps.changeFeed.service.now();

  async function check(body: WebhookBody): Promise<void> {
    if (body.url !== undefined) {
      const problem = await webhookUrlProblem(body.url, {
        allowPrivateNetworks: deps.settings.webhookAllowPrivateNetworks,
      });
      if (problem !== undefined) invalid('url', problem);
    }
    for (const pattern of body.events ?? []) {
      if (!isEventPattern(pattern))
        invalid(
          'events',
          `names ${pattern}, which is no event type (${EVENT_TYPES.join(', ')}, or family.*)`,
        );
    }
  }

  app.post<{ Body: Required<Pick<WebhookBody, 'url' | 'events'>> & WebhookBody }>(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'Create a webhook (its secret is shown only in this answer)',
        body: {
          type: 'object',
          required: ['url', 'events'],
          additionalProperties: false,
          properties: writableProperties,
        },
        response: {
          201: {
            ...webhookSchema,
            required: [...webhookSchema.required, 'secret'],
            properties: {
              ...webhookSchema.properties,
              secret: { type: 'string', description: '`whsec_…`: verify signatures with it.' },
            },
          },
          ...errors('SB_ERR_VALIDATION'),
        },
      },
    },
    async (request, reply) => {
      await check(request.body);
      const { environmentId } = callerOf(request);
      // Every event is sent once per matching webhook: a cap keeps one environment from fanning events out.
      if ((await feed.listWebhooks(environmentId, { limit: MAX_WEBHOOKS })).length >= MAX_WEBHOOKS) {
        invalid('url', `cannot be added: an environment has at most ${MAX_WEBHOOKS} webhooks`);
      }
      const created = await feed.createWebhook(environmentId, request.body, now());
      return reply.code(201).send({ ...view(created), secret: created.secret });
    },
  );

  app.get<{ Querystring: { limit: number; next_cursor?: string } }>(
    '/webhooks',
    {
      schema: {
        tags,
        summary: "The environment's webhooks",
        querystring: pageQuery,
        response: {
          200: listEnvelope(webhookSchema, 'A page of webhooks.'),
          ...errors('SB_ERR_CURSOR_INVALID'),
        },
      },
    },
    async (request) => {
      const { environmentId } = callerOf(request);
      const page = await storePage({
        key: deps.cursorKey,
        list: 'webhooks',
        environmentId,
        limit: request.query.limit,
        cursor: request.query.next_cursor,
        filters: [],
        read: (options) => feed.listWebhooks(environmentId, options),
      });
      return { ...page, result: page.result.map(view) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'One webhook',
        params: idParams,
        response: { 200: webhookSchema, ...errors('SB_ERR_NOT_FOUND') },
      },
    },
    async (request) => {
      const webhook = await feed.getWebhook(callerOf(request).environmentId, request.params.id);
      if (webhook === undefined) throw new NotFound('webhook');
      return view(webhook);
    },
  );

  app.patch<{ Params: { id: string }; Body: WebhookBody }>(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change a webhook (its secret stays)',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: writableProperties,
        },
        response: { 200: webhookSchema, ...errors('SB_ERR_VALIDATION', 'SB_ERR_NOT_FOUND') },
      },
    },
    async (request) => {
      const { environmentId } = callerOf(request);
      if ((await feed.getWebhook(environmentId, request.params.id)) === undefined)
        throw new NotFound('webhook');
      await check(request.body);
      const updated = await feed.updateWebhook(environmentId, request.params.id, request.body, now());
      if (updated === undefined) throw new NotFound('webhook');
      return view(updated);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Delete a webhook and its pending deliveries',
        params: idParams,
        response: { 204: { type: 'null' }, ...errors('SB_ERR_NOT_FOUND') },
      },
    },
    async (request, reply) => {
      if (!(await feed.deleteWebhook(callerOf(request).environmentId, request.params.id)))
        throw new NotFound('webhook');
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number; next_cursor?: string } }>(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: "A webhook's deliveries, oldest first",
        params: idParams,
        querystring: pageQuery,
        response: {
          200: listEnvelope(deliverySchema, 'A page of deliveries.'),
          ...errors('SB_ERR_NOT_FOUND', 'SB_ERR_CURSOR_INVALID'),
        },
      },
    },
    async (request) => {
      const { environmentId } = callerOf(request);
      if ((await feed.getWebhook(environmentId, request.params.id)) === undefined)
        throw new NotFound('webhook');
      return storePage({
        key: deps.cursorKey,
        list: `deliveries:${request.params.id}`,
        environmentId,
        limit: request.query.limit,
        cursor: request.query.next_cursor,
        filters: [],
        read: (options) => feed.listDeliveries(environmentId, request.params.id, options),
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/webhooks/:id/test',
    {
      schema: {
        tags,
        summary: 'Send a `webhook.test` event to this webhook only',
        params: idParams,
        response: { 202: deliverySchema, ...errors('SB_ERR_NOT_FOUND') },
      },
    },
    async (request, reply) => {
      const { environmentId } = callerOf(request);
      const at = now();
      const id = `evt_test_${randomUUID().replaceAll('-', '')}`;
      const payload = JSON.stringify({
        id,
        type: 'webhook.test',
        created_at: at.toISOString(),
        data: { webhook_id: request.params.id },
      });
      const delivery = await feed.enqueueDelivery(
        environmentId,
        request.params.id,
        { id, type: 'webhook.test', payload },
        at,
      );
      if (delivery === undefined) throw new NotFound('webhook');
      await deps.changeFeed.jobs.deliverSoon([delivery.id]);
      return reply.code(202).send(delivery);
    },
  );
}
