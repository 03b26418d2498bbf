/**
 * @module v1 user actions that answer a status-only envelope: add/remove roles, lock, logout, set state,
 * set password, set custom attributes. Error wording is the documented one (reference §5.1).
 */

import { hasId, isPlainObject, RESOURCE } from '@switchboard/sim-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EventType } from '../data/event-types.js';
import type { UserRecord } from '../data/records.js';
import { recordApiEvent } from '../http/api-events.js';
import type { SimContext } from '../http/context.js';
import { lockUser, setPassword } from '../users/user-writes.js';
import { sendError, sendJson } from '../wire/send.js';
import { V1_SUCCESS } from '../wire/v1-envelope.js';
import { v1Body, v1Id, v1NotFound } from './v1-reads.js';

type Action = (
  user: UserRecord,
  body: Record<string, unknown>,
  reply: FastifyReply,
  ip: string,
) => FastifyReply;

export function registerUserActionsV1Routes(app: FastifyInstance, context: SimContext): void {
  const route = (path: string, action: Action): void => {
    app.put(path, RESOURCE, (request: FastifyRequest, reply: FastifyReply) => {
      const id = v1Id(request, reply);
      if (id === undefined) return reply;
      const user = context.state.data.users.get(id);
      if (user === undefined) return v1NotFound(reply, 'User', id);
      const body = v1Body(request, reply);
      if (body === undefined) return reply;
      return action(user, body, reply, request.ip);
    });
  };
  const success = (reply: FastifyReply): FastifyReply => sendJson(reply, 'v1', 200, { status: V1_SUCCESS });
  const bad = (reply: FastifyReply, message: string | { attribute: string; description: string }) =>
    sendError(reply, 'v1', 400, message);

  route('/api/1/users/:id/add_roles', (user, body, reply, ip) => {
    const roleIds = readRoleIdArray(body, reply);
    if (roleIds === undefined) return reply;
    const directory = context.state.data;
    const unknown = roleIds.some((id) => directory.roles.get(id) === undefined);
    if (unknown)
      return bad(
        reply,
        `role_id_array should be a subset of -> [${directory.roles.items.map((role) => role.id).join(', ')}]`,
      );
    if (roleIds.every((id) => hasId(user.role_ids, id)))
      return bad(reply, 'input role_id_array is already included as user roles');
    const now = context.now();
    for (const id of roleIds) directory.addRoleMembers(directory.roles.get(id)!, [user.id], now);
    user.updated_at = now;
    recordApiEvent(context, EventType.apiAddRoles, { user, ip });
    return success(reply);
  });

  route('/api/1/users/:id/remove_roles', (user, body, reply, ip) => {
    const roleIds = readRoleIdArray(body, reply);
    if (roleIds === undefined) return reply;
    if (!roleIds.some((id) => hasId(user.role_ids, id)))
      return bad(reply, 'input role_id_array is not included as user roles');
    const directory = context.state.data;
    for (const id of roleIds) {
      const role = directory.roles.get(id);
      if (role !== undefined) directory.removeRoleMembers(role, [user.id]);
    }
    user.updated_at = context.now();
    recordApiEvent(context, EventType.apiRemoveRoles, { user, ip });
    return success(reply);
  });

  route('/api/1/users/:id/lock_user', (user, body, reply, ip) => {
    const minutes = body['locked_until'] ?? 0;
    if (!Number.isInteger(minutes) || (minutes as number) < 0)
      return bad(reply, 'locked_until should be -> integer');
    lockUser(user, minutes as number, context.now());
    recordApiEvent(context, EventType.apiLockUser, { user, ip });
    return success(reply);
  });

  route('/api/1/users/:id/logout', (user, _body, reply, ip) => {
    recordApiEvent(context, EventType.forceLogout, { user, ip });
    return success(reply);
  });

  route('/api/1/users/:id/set_state', (user, body, reply) => {
    const state = body['state'];
    if (!Number.isInteger(state)) {
      return bad(reply, {
        description: 'state has incorrect data type. It should be -> integer',
        attribute: 'state',
      });
    }
    if ((state as number) < 0 || (state as number) > 3) return bad(reply, 'state is invalid');
    if (state === user.state) return bad(reply, 'user is already in this state');
    user.state = state as number;
    user.updated_at = context.now();
    return success(reply);
  });

  route('/api/1/users/:id/set_custom_attributes', (user, body, reply) => {
    const attributes = body['custom_attributes'];
    if (!isPlainObject(attributes)) {
      return bad(reply, {
        attribute: 'custom_attributes',
        description: 'custom_attributes has incorrect data type. It should be -> object',
      });
    }
    const names = context.state.data.customAttributeNames;
    const unknown = Object.keys(attributes).find((name) => !names.includes(name));
    if (unknown !== undefined) {
      return bad(reply, { attribute: unknown, description: `${unknown} is not a valid custom attribute` });
    }
    for (const [name, value] of Object.entries(attributes)) {
      user.custom_attributes[name] = value === null ? null : String(value);
    }
    user.updated_at = context.now();
    return success(reply);
  });

  const passwordRoute = (path: string) =>
    route(path, (user, body, reply, ip) => {
      const { password, password_confirmation: confirmation } = body;
      if (typeof password !== 'string' || password === '') {
        return bad(reply, { attribute: 'password', description: 'password is required' });
      }
      if (confirmation !== password) {
        return bad(reply, {
          attribute: 'password_confirmation',
          description: "password_confirmation doesn't match password",
        });
      }
      setPassword(user, context.now());
      recordApiEvent(context, EventType.apiSetPassword, { user, ip });
      return success(reply);
    });
  passwordRoute('/api/1/users/set_password_clear_text/:id');
  passwordRoute('/api/1/users/set_password_using_salt/:id');

  function readRoleIdArray(body: Record<string, unknown>, reply: FastifyReply): number[] | undefined {
    const value = body['role_id_array'];
    if (!Array.isArray(value) || !value.every((id) => Number.isInteger(id))) {
      bad(reply, {
        attribute: 'role_id_array',
        description: 'role_id_array has incorrect data type. It should be -> array',
      });
      return undefined;
    }
    if (value.length === 0) {
      bad(reply, 'role_id_array is empty');
      return undefined;
    }
    return value as number[];
  }
}
