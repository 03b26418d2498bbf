/**
 * @module `GET /integrations`: the integrations this server runs, their unified resources and connection form.
 */
import type { FastifyInstance } from 'fastify';
import { summarizeIntegration } from '../integration-summary.js';
import type { RouteDeps } from '../route-deps.js';
import { errors } from '../schemas/common.js';

const ConnectionField = {
  type: 'object',
  required: ['name', 'label', 'type', 'secret', 'required'],
  properties: {
    name: { type: 'string' },
    label: { type: 'string' },
    type: { type: 'string', enum: ['string', 'url', 'email'] },
    secret: { type: 'boolean' },
    required: { type: 'boolean' },
    default: { type: 'string' },
    help: { type: 'string' },
    placeholder: { type: 'string' },
    pattern: { type: 'string' },
    prefix: { type: 'string' },
    suffix: { type: 'string' },
  },
} as const;

const Integration = {
  type: 'object',
  required: [
    'name',
    'label',
    'category',
    'unified_models',
    'expandable',
    'proxy_resources',
    'connection_fields',
  ],
  properties: {
    name: { type: 'string' },
    label: { type: 'string' },
    category: { type: ['string', 'null'] },
    unified_models: {
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
      description: 'Unified resources by model, e.g. `{ "user-directory": ["users", "groups"] }`.',
    },
    expandable: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'string' } },
      },
      description:
        'Fields `expand=` can ask for, by model then resource (only resources that have some), e.g. `{ "user-directory": { "users": ["groups", "roles"] } }`. Each costs extra upstream calls.',
    },
    proxy_resources: { type: 'array', items: { type: 'string' } },
    connection_fields: { type: 'array', items: ConnectionField },
  },
} as const;

export async function integrationRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  app.get(
    '/integrations',
    {
      schema: {
        tags: ['integrations'],
        summary: 'List integrations',
        response: {
          200: {
            type: 'object',
            required: ['result'],
            properties: { result: { type: 'array', items: Integration } },
          },
          ...errors(),
        },
      },
    },
    async () => ({
      result: deps.engine
        .integrations()
        .map((integration) => summarizeIntegration(integration, deps.engine.capabilities(integration.name))),
    }),
  );
}
