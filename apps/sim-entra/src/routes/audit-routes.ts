/** @module `/auditLogs/directoryAudits` and `/auditLogs/signIns` (entra-api.md §7): list and get. */
import { RESOURCE } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import { AUDIT_RULES, SIGN_IN_RULES } from '../collections/log-collections.js';
import type { SimContext } from '../http/context.js';
import { servePage } from '../odata/collection.js';
import { queryOptions } from '../odata/query-options.js';
import { contextSuffix, parseSelect, project } from '../odata/select.js';
import { resourceNotFound } from '../wire/graph-error.js';
import { AUDIT_SHAPE, auditView, SIGN_IN_SHAPE, signInView } from '../wire/log-views.js';
import { sendEntity, sendPage } from '../wire/send.js';

type Params = { Params: { id: string } };

export function registerAuditRoutes(app: FastifyInstance, context: SimContext): void {
  const tenant = () => context.state.tenant;

  app.get('/v1.0/auditLogs/directoryAudits', RESOURCE, async (request, reply) => {
    const selected = parseSelect(queryOptions(request).option('select'), [AUDIT_SHAPE]);
    const page = servePage(request, tenant().audits, AUDIT_RULES, contextSuffix(selected));
    return sendPage(reply, page, (audit) => project(auditView(audit), AUDIT_SHAPE, selected));
  });

  app.get<Params>('/v1.0/auditLogs/directoryAudits/:id', RESOURCE, async (request, reply) => {
    const audit = tenant().audits.find((entry) => entry.id === request.params.id);
    if (audit === undefined) throw resourceNotFound(request.params.id);
    return sendEntity(reply, 'auditLogs/directoryAudits', auditView(audit));
  });

  app.get('/v1.0/auditLogs/signIns', RESOURCE, async (request, reply) => {
    const selected = parseSelect(queryOptions(request).option('select'), [SIGN_IN_SHAPE]);
    const page = servePage(request, tenant().signIns, SIGN_IN_RULES, contextSuffix(selected));
    return sendPage(reply, page, (signIn) => project(signInView(signIn), SIGN_IN_SHAPE, selected));
  });

  app.get<Params>('/v1.0/auditLogs/signIns/:id', RESOURCE, async (request, reply) => {
    const signIn = tenant().signIns.find((entry) => entry.id === request.params.id.toLowerCase());
    if (signIn === undefined) throw resourceNotFound(request.params.id);
    return sendEntity(reply, 'auditLogs/signIns', signInView(signIn));
  });
}
