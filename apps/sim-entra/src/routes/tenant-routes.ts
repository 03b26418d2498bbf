/**
 * @module The tenant itself: `GET /organization` (one organization with its verified domains) and `GET /me`,
 * which an application token cannot use (Graph answers 400: `/me` needs a signed-in user).
 */
import { RESOURCE } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../http/context.js';
import { SERVICE_ROOT } from '../odata/collection.js';
import { GraphError } from '../wire/graph-error.js';

export function registerTenantRoutes(app: FastifyInstance, context: SimContext): void {
  app.get('/v1.0/organization', RESOURCE, async () => {
    const { identity } = context.state.tenant;
    return {
      '@odata.context': `${SERVICE_ROOT}/$metadata#organization`,
      value: [
        {
          id: identity.tenantId,
          displayName: 'Acme (Switchboard simulator)',
          tenantType: 'AAD',
          verifiedDomains: identity.verifiedDomains.map((name) => ({
            name,
            isDefault: name !== identity.initialDomain,
            isInitial: name === identity.initialDomain,
            type: 'Managed',
            capabilities: 'Email, OfficeCommunicationsOnline',
          })),
        },
      ],
    };
  });

  app.get('/v1.0/me', RESOURCE, async () => {
    throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  });
}
