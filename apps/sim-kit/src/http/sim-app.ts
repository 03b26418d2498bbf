/**
 * @module The Fastify instance every simulator starts from, and how it listens. Bodies are parsed leniently
 * into a tagged union (see request-body.ts) because each provider words malformed input its own way.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { parseRequestBody } from './request-body.js';

export interface SimAppOptions {
  /** Fastify's pino logger (request lines only, never headers or bodies). */
  readonly logger: boolean;
}

export function createSimApp(options: SimAppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger,
    // Providers ignore a trailing slash; route on the path only, whatever the Host.
    routerOptions: { ignoreTrailingSlash: true },
    bodyLimit: 5 * 1024 * 1024,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, raw, done) => {
    done(null, parseRequestBody(request.headers['content-type'], raw as string));
  });
  return app;
}

/** Listens (port 0 = any free port) and returns the base URL. */
export async function listenOn(app: FastifyInstance, port = 0, host = '127.0.0.1'): Promise<string> {
  await app.listen({ port, host });
  const address = app.server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  return `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
}
