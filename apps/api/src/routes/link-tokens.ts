/**
 * @module `POST /link-tokens`: a single-use, expiring token bound to the caller's environment, with the URL of the
 * hosted connect page where the end customer links their account (the page itself lives under `/connect/*`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BadRequest, ValidationFailed } from '../errors.js';
import { callerOf } from '../request-context.js';
import type { RouteDeps } from '../route-deps.js';
import { errors } from '../schemas/common.js';

interface Body {
  integration: string;
  tenant_id: string;
  redirect_url?: string;
}

export async function linkTokenRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  app.post<{ Body: Body }>(
    '/link-tokens',
    {
      schema: {
        tags: ['connect'],
        summary: 'Create a link token for the hosted connect page',
        body: {
          type: 'object',
          required: ['integration', 'tenant_id'],
          additionalProperties: false,
          properties: {
            integration: { type: 'string', minLength: 1, maxLength: 100 },
            tenant_id: { type: 'string', minLength: 1, maxLength: 256 },
            redirect_url: {
              type: 'string',
              maxLength: 2048,
              pattern: '^https?://',
              description:
                'Where the connect page sends the customer afterwards, with `?integrated_account_id=`.',
            },
          },
        },
        response: {
          201: {
            type: 'object',
            required: ['link_token', 'url', 'expires_at'],
            properties: {
              link_token: { type: 'string' },
              url: { type: 'string', description: 'The hosted connect page for this token.' },
              expires_at: { type: 'string', format: 'date-time' },
            },
          },
          ...errors('SB_ERR_RUN_UNKNOWN_INTEGRATION', 'SB_ERR_STORE_INVALID_ARGUMENT'),
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { integration, tenant_id, redirect_url } = request.body;
      deps.engine.integration(integration); // unknown integration: 400 before a token exists
      if (redirect_url !== undefined) assertUrl(redirect_url);
      const created = await deps.store.linkTokens.create(caller.environmentId, {
        integration,
        tenantId: tenant_id,
        ...(redirect_url === undefined ? {} : { redirectUrl: redirect_url }),
      });
      const origin = deps.settings.publicUrl ?? requestOrigin(request);
      return reply.code(201).send({
        link_token: created.token,
        url: `${origin}/connect/${encodeURIComponent(created.token)}`,
        expires_at: created.expiresAt,
      });
    },
  );
}

/** A host name or address with an optional port: nothing a caller could smuggle into the link. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** Without `SWITCHBOARD_PUBLIC_URL` (development): the request's own origin, when its Host is a plain host. */
function requestOrigin(request: FastifyRequest): string {
  if (!HOST.test(request.host)) {
    throw new BadRequest(
      'the Host header is not a host name; set SWITCHBOARD_PUBLIC_URL to the public base URL',
    );
  }
  return `${request.protocol}://${request.host}`;
}

function assertUrl(text: string): void {
  try {
    new URL(text);
  } catch (cause) {
    const issue = { location: 'body', path: '/redirect_url', message: 'must be an absolute http(s) URL' };
    throw new ValidationFailed('invalid request: body/redirect_url must be an absolute http(s) URL', {
      cause,
      details: { issues: [issue] },
    });
  }
}
