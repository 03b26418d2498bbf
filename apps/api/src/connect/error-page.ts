/**
 * @module The connect routes' error handler: a person is looking at these pages, so every error the routes do not
 * handle themselves (store down, rate limit, a body the parser refuses, a bug) becomes a friendly HTML page with
 * the status the rest of the API would use (`error-response.ts`), never JSON or a stack trace.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { toErrorResponse } from '../error-response.js';
import { renderStopPage, type StopReason } from './result-page.js';
import { pageHeaders } from './security-headers.js';

export function installErrorPage(app: FastifyInstance, assets: { css: string; js: string }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const response = toErrorResponse(error, { url: request.url });
    if (response.status >= 500) request.log.error({ err: error }, 'connect page failed');
    else request.log.info({ code: response.body.code, status: response.status }, 'connect request refused');
    const page = renderStopPage(reasonOf(response.status), {
      assets,
      status: response.status,
      reference: request.id,
    });
    return reply.code(page.status).headers(response.headers).headers(pageHeaders()).send(page.body);
  });
}

function reasonOf(status: number): StopReason {
  if (status === 429) return 'busy';
  if (status === 503) return 'unavailable';
  if (status === 404) return 'not-found';
  if (status >= 400 && status < 500) return 'bad-request';
  return 'error';
}
