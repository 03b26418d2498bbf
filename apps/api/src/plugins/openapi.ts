/**
 * @module The OpenAPI 3.1 document, generated from the route schemas (`GET /openapi.json`), and the docs UI
 * (`GET /docs`, assets served from the package: works offline). Shared schemas keep their ids as component names.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { plainJson } from '../plain-json.js';

/** Registers the generator; call before any route so every route is collected. */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Switchboard',
        version: '0.1.0',
        description:
          'Unified and Proxy APIs over declarative integrations. Every call except /health, /openapi.json, ' +
          '/docs and /connect/* needs `Authorization: Bearer <api key>`. Errors use the ErrorResponse shape.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key of your environment.' },
          adminToken: { type: 'http', scheme: 'bearer', description: 'SWITCHBOARD_ADMIN_TOKEN.' },
        },
      },
      security: [{ apiKey: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) =>
        typeof json['$id'] === 'string' ? json['$id'] : `def-${index}`,
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get(
    '/openapi.json',
    { schema: { hide: true }, config: { sbAccess: 'public' } },
    async (_request, reply) => plainJson(reply).send(app.swagger()),
  );
}
