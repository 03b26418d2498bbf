/**
 * @module Roles v2: list (`name` filter, up to 650 per page), get (base object), create 201 `{"id"}` (a single
 * object, not the array the docs show), update 200 `{"id"}`, delete 204 or 403 for protected roles.
 */

import { bodyOf, isPlainObject, originOf, pathOf, queryOf, RESOURCE } from '@switchboard/sim-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EventType } from '../data/event-types.js';
import type { RoleRecord } from '../data/records.js';
import { BadFilter, integerParam } from '../filters/query-values.js';
import { wildcardMatcher } from '../filters/wildcard.js';
import { recordApiEvent } from '../http/api-events.js';
import type { SimContext } from '../http/context.js';
import { pageBounds, readPageRequest, v2PageHeaders } from '../pagination/v2-pages.js';
import { idParam } from '../wire/path-id.js';
import { sendError, sendJson, sendNoContent } from '../wire/send.js';
import { V2Messages } from '../wire/v2-errors.js';

/** "Max page limit is 650". */
export const ROLES_V2_PAGE = { defaultLimit: 50, maxLimit: 650 } as const;
const ROLE_FIELDS = new Set(['name', 'users', 'apps', 'admins']);

export function registerRolesV2Routes(app: FastifyInstance, context: SimContext): void {
  app.get('/api/2/roles', RESOURCE, (request, reply) => {
    const query = queryOf(request);
    const page = readPageRequest(query, ROLES_V2_PAGE);
    if (page === undefined) return sendError(reply, 'v2', 400, 'Invalid cursor');
    const name = query.get('name') ?? query.get('role_name');
    let appId: number | undefined;
    try {
      appId = integerParam('app_id', query.get('app_id'));
    } catch (error) {
      if (error instanceof BadFilter)
        return sendError(reply, 'v2', 400, `Invalid value for ${error.parameter}`);
      throw error;
    }
    const directory = context.state.data;
    const appName = query.get('app_name');
    const nameMatches = name === undefined || name === '' ? null : wildcardMatcher(name);
    const appNameMatches = appName === undefined || appName === '' ? null : wildcardMatcher(appName);
    const roles = directory.roles.items.filter(
      (role) =>
        (nameMatches === null || nameMatches(role.name)) &&
        (appId === undefined || role.apps.includes(appId)) &&
        (appNameMatches === null || role.apps.some((id) => appNameMatches(directory.apps.get(id)?.name))),
    );
    const { start, end } = pageBounds(page);
    const slice = roles.slice(start, end);
    reply.headers(
      v2PageHeaders(roles.length, page, slice.length, {
        origin: originOf(request),
        path: pathOf(request),
        query,
      }),
    );
    const extras = (query.get('fields') ?? '').split(',').map((field) => field.trim());
    return sendJson(
      reply,
      'v2',
      200,
      slice.map((role) => toV2Role(role, extras)),
    );
  });

  app.get('/api/2/roles/:id', RESOURCE, (request, reply) => {
    const role = findRole(request);
    return role === undefined
      ? notFound(reply)
      : sendJson(reply, 'v2', 200, { id: role.id, name: role.name });
  });

  app.post('/api/2/roles', RESOURCE, (request, reply) => {
    const body = bodyOf(request);
    if (body.kind !== 'json' || !isPlainObject(body.value))
      return sendError(reply, 'v2', 400, V2Messages.invalidJson);
    const input = body.value;
    const unknown = Object.keys(input).find((key) => !ROLE_FIELDS.has(key));
    if (unknown !== undefined) return sendError(reply, 'v2', 400, `unknown attribute: ${unknown}`);
    if (typeof input['name'] !== 'string' || input['name'].trim() === '') {
      return sendError(reply, 'v2', 422, "Validation failed: Name can't be blank");
    }
    const directory = context.state.data;
    const lists: Partial<Record<'users' | 'apps' | 'admins', number[]>> = {};
    for (const key of ['users', 'apps', 'admins'] as const) {
      const value = input[key];
      if (value === undefined) continue;
      if (!Array.isArray(value) || !value.every((id) => Number.isInteger(id))) {
        return sendError(reply, 'v2', 400, `${key} has incorrect data type. It should be -> array`);
      }
      const table = key === 'apps' ? directory.apps : directory.users;
      const missing = (value as number[]).find((id) => table.get(id) === undefined);
      if (missing !== undefined) {
        return sendError(
          reply,
          'v2',
          422,
          `Validation failed: ${key === 'apps' ? 'App' : 'User'} with ID ${missing} could not be found`,
        );
      }
      lists[key] = value as number[];
    }
    const role = directory.addRole(input['name']);
    const now = context.now();
    directory.addRoleMembers(role, lists.users ?? [], now);
    role.apps.push(...new Set(lists.apps ?? []));
    for (const id of new Set(lists.admins ?? [])) role.admins.push(id);
    role.admins.sort((a, b) => a - b);
    recordApiEvent(context, EventType.roleCreated, { role, ip: request.ip });
    return sendJson(reply, 'v2', 201, { id: role.id });
  });

  app.put('/api/2/roles/:id', RESOURCE, (request, reply) => {
    const role = findRole(request);
    if (role === undefined) return notFound(reply);
    const body = bodyOf(request);
    if (body.kind !== 'json' || !isPlainObject(body.value))
      return sendError(reply, 'v2', 400, V2Messages.invalidJson);
    const unknown = Object.keys(body.value).find((key) => key !== 'name');
    if (unknown !== undefined) return sendError(reply, 'v2', 400, `unknown attribute: ${unknown}`);
    const name = body.value['name'];
    if (typeof name !== 'string' || name.trim() === '') {
      return sendError(reply, 'v2', 422, "Validation failed: Name can't be blank");
    }
    role.name = name;
    return sendJson(reply, 'v2', 200, { id: role.id });
  });

  app.delete('/api/2/roles/:id', RESOURCE, (request, reply) => {
    const role = findRole(request);
    if (role === undefined) return notFound(reply);
    if (role.undeletable) return sendError(reply, 'v2', 403, 'Not allowed to destroy specified resource');
    recordApiEvent(context, EventType.roleDeleted, { role, ip: request.ip });
    context.state.data.removeRole(role);
    return sendNoContent(reply);
  });

  function findRole(request: FastifyRequest): RoleRecord | undefined {
    const id = idParam(request.params);
    return id === undefined ? undefined : context.state.data.roles.get(id);
  }
}

function toV2Role(role: RoleRecord, extras: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: role.id, name: role.name };
  if (extras.includes('apps')) out['apps'] = [...role.apps];
  if (extras.includes('users')) out['users'] = [...role.members];
  if (extras.includes('admins')) out['admins'] = [...role.admins];
  return out;
}

export function notFound(reply: FastifyReply): FastifyReply {
  return sendError(reply, 'v2', 404, V2Messages.idNotFound);
}
