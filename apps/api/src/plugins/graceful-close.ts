/**
 * @module Graceful shutdown: once `app.close()` starts, answers still in flight are sent with
 * `Connection: close`, so their keep-alive sockets end with them instead of holding the shutdown open until the
 * keep-alive timeout. Idle sockets are closed by Fastify (`forceCloseConnections: 'idle'`), new requests get 503.
 */
import type { FastifyInstance } from 'fastify';

export function installGracefulClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}
