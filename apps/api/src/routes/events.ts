/**
 * @module `GET /events`: the environment's change events, oldest first, in the list envelope (a durable pull
 * feed: page until `next_cursor` is null, keep the last cursor, read again later from it). Events are kept 30 days.
 */
import { EVENT_TYPES } from '@switchboard/store';
import type { FastifyInstance } from 'fastify';
import { callerOf } from '../request-context.js';
import type { RouteDeps } from '../route-deps.js';
import { errors, listEnvelope } from '../schemas/common.js';
import { storePage } from '../store-page.js';

export const eventSchema = {
  type: 'object',
  required: [
    'id',
    'type',
    'created_at',
    'integrated_account_id',
    'tenant_id',
    'integration',
    'resource',
    'record_id',
    'data',
    'changed_fields',
  ],
  properties: {
    id: { type: 'string', description: 'Also the `webhook-id` of its deliveries.' },
    type: { type: 'string', enum: [...EVENT_TYPES] },
    created_at: { type: 'string' },
    integrated_account_id: { type: 'string' },
    tenant_id: { type: 'string' },
    integration: { type: 'string' },
    resource: { type: 'string' },
    record_id: { type: 'string' },
    data: {
      type: 'object',
      additionalProperties: true,
      description: 'The unified record (deletions: the last version seen).',
    },
    changed_fields: { type: ['array', 'null'], items: { type: 'string' } },
  },
} as const;

/** One event type, as a pattern alternative. */
const ONE_TYPE = EVENT_TYPES.map((type) => type.replace('.', '\\.')).join('|');

interface EventsQuery {
  integrated_account_id?: string;
  type?: string;
  limit: number;
  next_cursor?: string;
}

export async function eventRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  app.get<{ Querystring: EventsQuery }>(
    '/events',
    {
      schema: {
        tags: ['change feed'],
        summary: "The environment's change events, oldest first",
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            integrated_account_id: { type: 'string', minLength: 1, maxLength: 256 },
            type: {
              type: 'string',
              pattern: `^(${ONE_TYPE})(,(${ONE_TYPE}))*$`,
              description: 'One event type or several, comma-separated, e.g. `user.updated,user.deleted`.',
            },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            next_cursor: { type: 'string', minLength: 1, maxLength: 2048 },
          },
        },
        response: {
          200: listEnvelope(eventSchema, 'A page of events, oldest first.'),
          ...errors('SB_ERR_CURSOR_INVALID'),
        },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { integrated_account_id: accountId, type, limit, next_cursor: cursor } = request.query;
      const types = type?.split(',');
      return storePage({
        key: deps.cursorKey,
        list: 'events',
        environmentId: caller.environmentId,
        limit,
        cursor,
        filters: [accountId ?? null, type ?? null],
        read: (page) =>
          deps.changeFeed.service.feed.listEvents(caller.environmentId, {
            ...page,
            ...(accountId === undefined ? {} : { accountId }),
            ...(types === undefined ? {} : { types }),
          }),
      });
    },
  );
}
