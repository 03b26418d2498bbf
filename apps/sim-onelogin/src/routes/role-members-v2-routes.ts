/**
 * @module Role membership v2: `/api/2/roles/:id/users` and `/admins`. Writes take a raw JSON array of user
 * ids; POST answers 200 `[{"id"}]`, DELETE answers 204, and an object body is refused with
 * "Expected array in request" (reference §8.2).
 */

import {
  bodyOf,
  hasId,
  insertId,
  iso,
  originOf,
  pathOf,
  queryOf,
  RESOURCE,
  removeId,
} from '@switchboard/sim-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Directory } from '../data/directory.js';
import type { RoleRecord, UserRecord } from '../data/records.js';
import { wildcardMatcher } from '../filters/wildcard.js';
import type { SimContext } from '../http/context.js';
import { pageBounds, readPageRequest, v2PageHeaders } from '../pagination/v2-pages.js';
import { idParam } from '../wire/path-id.js';
import { sendError, sendJson, sendNoContent } from '../wire/send.js';
import { V2Messages } from '../wire/v2-errors.js';
import { notFound } from './roles-v2-routes.js';
import { USERS_V2_PAGE } from './users-v2-routes.js';

type Kind = 'users' | 'admins';

export function registerRoleMembersV2Routes(app: FastifyInstance, context: SimContext): void {
  for (const kind of ['users', 'admins'] as const) {
    app.get(`/api/2/roles/:id/${kind}`, RESOURCE, (request, reply) => list(request, reply, kind));
    app.post(`/api/2/roles/:id/${kind}`, RESOURCE, (request, reply) => change(request, reply, kind, 'add'));
    app.delete(`/api/2/roles/:id/${kind}`, RESOURCE, (request, reply) =>
      change(request, reply, kind, 'remove'),
    );
  }

  function list(request: FastifyRequest, reply: FastifyReply, kind: Kind): FastifyReply {
    const role = findRole(request);
    if (role === undefined) return notFound(reply);
    const query = queryOf(request);
    const page = readPageRequest(query, USERS_V2_PAGE);
    if (page === undefined) return sendError(reply, 'v2', 400, 'Invalid cursor');
    const directory = context.state.data;
    const ids = kind === 'users' ? role.members : role.admins;
    const includeUnassigned = query.get('include_unassigned') === 'true';
    const name = query.get('name');
    const matches = name === undefined || name === '' ? null : wildcardMatcher(name);
    const accepts = (user: UserRecord): boolean =>
      matches === null ||
      matches(user.firstname) ||
      matches(user.lastname) ||
      matches(user.username) ||
      matches(user.email) ||
      matches(directory.displayName(user));
    // Unfiltered member pages are sliced from the sorted id list without touching the other members.
    let selection: readonly number[] | readonly UserRecord[];
    if (includeUnassigned)
      selection = matches === null ? directory.users.items : directory.users.items.filter(accepts);
    else
      selection = matches === null ? ids : ids.filter((id) => accepts(directory.users.get(id) as UserRecord));
    const { start, end } = pageBounds(page);
    const users = selection
      .slice(start, end)
      .map((entry) => (typeof entry === 'number' ? directory.users.get(entry) : entry))
      .filter((user): user is UserRecord => user !== undefined);
    reply.headers(
      v2PageHeaders(selection.length, page, users.length, {
        origin: originOf(request),
        path: pathOf(request),
        query,
      }),
    );
    return sendJson(
      reply,
      'v2',
      200,
      users.map((user) => toMember(directory, role, ids, user)),
    );
  }

  function change(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: Kind,
    direction: 'add' | 'remove',
  ): FastifyReply {
    const role = findRole(request);
    if (role === undefined) return notFound(reply);
    const body = bodyOf(request);
    if (body.kind === 'invalid-json') return sendError(reply, 'v2', 400, V2Messages.invalidJson);
    if (
      body.kind !== 'json' ||
      !Array.isArray(body.value) ||
      !body.value.every((id) => Number.isInteger(id))
    ) {
      return sendError(reply, 'v2', 400, V2Messages.expectedArray);
    }
    const ids = [...new Set(body.value as number[])];
    const directory = context.state.data;
    if (direction === 'remove') {
      if (kind === 'users') directory.removeRoleMembers(role, ids);
      else for (const id of ids) removeId(role.admins, id);
      return sendNoContent(reply);
    }
    const missing = ids.find((id) => directory.users.get(id) === undefined);
    if (missing !== undefined) {
      return sendError(reply, 'v2', 422, `Validation failed: User with ID ${missing} could not be found`);
    }
    if (kind === 'users') directory.addRoleMembers(role, ids, context.now());
    else for (const id of ids) insertId(role.admins, id);
    return sendJson(
      reply,
      'v2',
      200,
      ids.map((id) => ({ id })),
    );
  }

  function findRole(request: FastifyRequest): RoleRecord | undefined {
    const id = idParam(request.params);
    return id === undefined ? undefined : context.state.data.roles.get(id);
  }
}

/** A member row; seeded members count as added by the account owner when the user was created. */
function toMember(
  directory: Directory,
  role: RoleRecord,
  ids: readonly number[],
  user: UserRecord,
): Record<string, unknown> {
  const assigned = hasId(ids, user.id);
  const owner = directory.users.get(directory.ownerId);
  return {
    id: user.id,
    name: directory.displayName(user),
    username: user.username,
    email: user.email,
    added_by: assigned && owner !== undefined ? { id: owner.id, name: directory.displayName(owner) } : null,
    added_at: assigned ? iso(role.addedAt.get(user.id) ?? user.created_at) : null,
    assigned,
  };
}
