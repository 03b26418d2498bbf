/**
 * @module Operator endpoints, enabled only when `SWITCHBOARD_ADMIN_TOKEN` is set (otherwise `/admin/*` is an
 * unknown route: 404): create environments, issue API keys (shown once), delete API keys.
 */
import type { FastifyInstance } from 'fastify';
import { NotFound } from '../errors.js';
import type { RouteDeps } from '../route-deps.js';
import { errors, IdParam } from '../schemas/common.js';

const adminRoute = { sbAccess: 'admin' as const };
const adminSecurity = [{ adminToken: [] }];

export async function adminRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  if (deps.settings.adminToken === undefined) return;
  const { store } = deps;

  app.post<{ Body: { name: string } }>(
    '/admin/environments',
    {
      config: adminRoute,
      schema: {
        tags: ['admin'],
        summary: 'Create an environment (one customer of the hosted API)',
        security: adminSecurity,
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' } },
        },
        response: {
          201: {
            type: 'object',
            required: ['id', 'name', 'created_at'],
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              created_at: { type: 'string', format: 'date-time' },
            },
          },
          ...errors('SB_ERR_STORE_CONFLICT', 'SB_ERR_STORE_INVALID_ARGUMENT'),
        },
      },
    },
    async (request, reply) => {
      const environment = await store.environments.create(request.body.name.trim());
      return reply.code(201).send(environment);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/environments/:id/api-keys',
    {
      config: adminRoute,
      schema: {
        tags: ['admin'],
        summary: 'Issue an API key for an environment (the key is shown only in this answer)',
        security: adminSecurity,
        params: { type: 'object', required: ['id'], properties: { id: IdParam } },
        response: {
          201: {
            type: 'object',
            required: ['id', 'api_key'],
            properties: { id: { type: 'string' }, api_key: { type: 'string' } },
          },
          ...errors('SB_ERR_NOT_FOUND', 'SB_ERR_STORE_ENVIRONMENT_NOT_FOUND'),
        },
      },
    },
    async (request, reply) => {
      const environment = await store.environments.get(request.params.id);
      if (environment === undefined) throw new NotFound('environment');
      const key = await store.apiKeys.create(environment.id);
      return reply.code(201).send({ id: key.id, api_key: key.apiKey });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/admin/api-keys/:id',
    {
      config: adminRoute,
      schema: {
        tags: ['admin'],
        summary: 'Delete an API key',
        security: adminSecurity,
        params: { type: 'object', required: ['id'], properties: { id: IdParam } },
        response: { 204: { type: 'null', description: 'Deleted.' }, ...errors('SB_ERR_NOT_FOUND') },
      },
    },
    async (request, reply) => {
      if (!(await store.apiKeys.delete(request.params.id))) throw new NotFound('API key');
      return reply.code(204).send();
    },
  );
}
