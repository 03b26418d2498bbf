/**
 * @module The proxy baseline: the least a forwarder can do — Fastify receives `GET /users`, undici calls the same
 * simulator endpoint with the bearer token added, and the upstream status, content type and body are streamed back
 * untouched. No auth of its own, no envelope, no retries: what is left over is Switchboard's cost.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { Pool } from 'undici';

export function buildBareForwarder(upstream: string, token: string): FastifyInstance {
  const pool = new Pool(upstream, { keepAliveTimeout: 30_000 });
  const app = Fastify({ logger: false });
  app.get('/users', async (request, reply) => {
    const queryAt = request.url.indexOf('?');
    const search = queryAt === -1 ? '' : request.url.slice(queryAt);
    const response = await pool.request({
      method: 'GET',
      path: `/api/2/users${search}`,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    reply.code(response.statusCode);
    const type = response.headers['content-type'];
    if (typeof type === 'string') reply.header('content-type', type);
    return reply.send(response.body);
  });
  app.addHook('onClose', async () => pool.close());
  return app;
}
