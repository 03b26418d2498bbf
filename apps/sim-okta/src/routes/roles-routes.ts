/**
 * @module Admin role assignments per user (reference §7): list (one unpaged array), assign `{type}` → 201,
 * duplicate → 409 E0000090, unknown type → 400 E0000001, unassign → 204.
 */
import { RESOURCE } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import { ROLE_LABELS } from '../data/admin-roles.js';
import { userTarget } from '../data/log-events.js';
import { recordApiEvent } from '../http/api-events.js';
import type { SimContext } from '../http/context.js';
import { orgOrigin } from '../http/org-origin.js';
import { OktaErrors, sendOktaError } from '../wire/okta-errors.js';
import { jsonObjectBody } from '../wire/request-json.js';
import { roleView } from '../wire/role-view.js';
import { sendJson } from '../wire/send-json.js';
import { userNotFound } from './users-routes.js';

export function registerRolesRoutes(app: FastifyInstance, context: SimContext): void {
  const data = () => context.state.data;

  app.get<{ Params: { id: string } }>('/api/v1/users/:id/roles', RESOURCE, async (request, reply) => {
    const user = data().findUser(request.params.id);
    if (user === undefined) return userNotFound(reply, request.params.id);
    const origin = orgOrigin(context, request);
    return sendJson(
      reply,
      200,
      data()
        .rolesOf(user.id)
        .map((role) => roleView(role, user.id, origin)),
    );
  });

  app.post<{ Params: { id: string } }>('/api/v1/users/:id/roles', RESOURCE, async (request, reply) => {
    const user = data().findUser(request.params.id);
    if (user === undefined) return userNotFound(reply, request.params.id);
    const body = jsonObjectBody(request);
    if (body === undefined) return sendOktaError(reply, OktaErrors.malformedBody);
    const type = body['type'];
    if (typeof type !== 'string' || ROLE_LABELS[type] === undefined) {
      return sendOktaError(reply, OktaErrors.validation('type', ['type: Invalid role type specified.']));
    }
    const roles = data().rolesOf(user.id);
    if (roles.some((role) => role.type === type && role.assignmentType === 'USER')) {
      return sendOktaError(reply, OktaErrors.roleAlreadyAssigned);
    }
    const now = context.now();
    const role = {
      id: data().nextRoleAssignmentId(),
      type,
      label: ROLE_LABELS[type] ?? type,
      created: now,
      lastUpdated: now,
      assignmentType: 'USER' as const,
    };
    roles.push(role);
    recordApiEvent(context, request, 'user.account.privilege.grant', [userTarget(user)]);
    return sendJson(reply, 201, roleView(role, user.id, orgOrigin(context, request)));
  });

  app.delete<{ Params: { id: string; roleId: string } }>(
    '/api/v1/users/:id/roles/:roleId',
    RESOURCE,
    async (request, reply) => {
      const user = data().findUser(request.params.id);
      if (user === undefined) return userNotFound(reply, request.params.id);
      const roles = data().rolesOf(user.id);
      const at = roles.findIndex((role) => role.id === request.params.roleId);
      if (at === -1) return sendOktaError(reply, OktaErrors.notFound(`${request.params.roleId} (Role)`));
      roles.splice(at, 1);
      recordApiEvent(context, request, 'user.account.privilege.revoke', [userTarget(user)]);
      return reply.code(204).send();
    },
  );
}
