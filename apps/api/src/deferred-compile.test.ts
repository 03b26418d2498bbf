import { Ajv } from 'ajv';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { DeferredCompiles } from './deferred-compile.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

function appWith(deferred: DeferredCompiles): FastifyInstance {
  const app = Fastify({
    schemaController: { compilersFactory: { buildSerializer: deferred.serializerFactory() } },
  });
  const item = { $id: 'Item', type: 'object', properties: { id: { type: 'string' } } };
  const ajv = new Ajv({ coerceTypes: 'array', useDefaults: true, allErrors: true }).addSchema(item);
  app.setValidatorCompiler(({ schema }) => deferred.validator(() => ajv.compile(schema)));
  app.addSchema(item);
  apps.push(app);
  return app;
}

describe('route schemas compiled on first use', () => {
  it('validate and serialize as compiled ones: defaults, coercion, Ajv errors, undeclared fields left out', async () => {
    const deferred = new DeferredCompiles();
    const app = appWith(deferred);
    app.get(
      '/items',
      {
        schema: {
          querystring: {
            type: 'object',
            properties: {
              limit: { type: 'integer', maximum: 10 },
              expand: { type: 'boolean', default: false },
            },
          },
          response: { 200: { type: 'object', properties: { item: { $ref: 'Item#' }, query: {} } } },
        },
      },
      async (request) => ({ item: { id: 'a', secret: 'not declared' }, query: request.query }),
    );
    await app.ready();

    const ok = await app.inject({ url: '/items?limit=5' });
    expect(ok.json()).toEqual({ item: { id: 'a' }, query: { limit: 5, expand: false } });
    const refused = await app.inject({ url: '/items?limit=50' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('querystring/limit must be <= 10');
  });

  it('compileAll compiles what no request has needed yet, and reports a schema that cannot compile', async () => {
    const deferred = new DeferredCompiles();
    const app = appWith(deferred);
    app.get('/fine', { schema: { response: { 200: { $ref: 'Item#' } } } }, async () => ({ id: 'a' }));
    app.get('/broken', { schema: { response: { 200: { $ref: 'Missing#' } } } }, async () => ({}));
    // What Fastify refused at start-up before is refused by compileAll (and by a request, not at `ready`).
    await app.ready();

    expect(() => deferred.compileAll()).toThrow(/Missing/);
    expect((await app.inject({ url: '/fine' })).json()).toEqual({ id: 'a' });
  });

  it('compileAll leaves nothing pending', async () => {
    const deferred = new DeferredCompiles();
    const app = appWith(deferred);
    app.post('/items', { schema: { body: { $ref: 'Item#' } } }, async () => ({}));
    await app.ready();

    expect(deferred.compileAll()).toBeGreaterThan(0);
    expect(deferred.compileAll()).toBe(0);
    const refused = await app.inject({ method: 'POST', url: '/items', payload: { id: { nested: true } } });
    expect(refused.json().message).toBe('body/id must be string');
  });
});
