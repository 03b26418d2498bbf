/**
 * @module Users v2: bare JSON, page/cursor pagination in headers, 201 on create, 204 on delete
 * (reference §6.3–6.4).
 */

import { bodyOf, originOf, pathOf, queryOf, RESOURCE } from '@switchboard/sim-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EventType } from '../data/event-types.js';
import type { UserRecord } from '../data/records.js';
import { BadFilter } from '../filters/query-values.js';
import { buildUserFilter } from '../filters/user-filter.js';
import { recordApiEvent } from '../http/api-events.js';
import type { SimContext } from '../http/context.js';
import { pageBounds, readPageRequest, v2PageHeaders } from '../pagination/v2-pages.js';
import { readUserInput } from '../users/user-input.js';
import { readUserSort, sortUsers } from '../users/user-sort.js';
import { createUser, setStatus, updateUser } from '../users/user-writes.js';
import { project } from '../wire/fields.js';
import { idParam } from '../wire/path-id.js';
import { sendError, sendJson, sendNoContent } from '../wire/send.js';
import { toV2User } from '../wire/user-view.js';
import { V2Messages, v2Error } from '../wire/v2-errors.js';

/** "Up to 50 users per page"; `limit` is documented as "(max 100)". */
export const USERS_V2_PAGE = { defaultLimit: 50, maxLimit: 100 } as const;

export function registerUsersV2Routes(app: FastifyInstance, context: SimContext): void {
  app.get('/api/2/users', RESOURCE, (request, reply) => {
    const query = queryOf(request);
    const page = readPageRequest(query, USERS_V2_PAGE);
    if (page === undefined) return sendError(reply, 'v2', 400, 'Invalid cursor');
    const sort = readUserSort(query.get('sort'));
    if (sort !== null && 'invalid' in sort) {
      return sendJson(reply, 'v2', 422, {
        message: `Invalid sort field: ${sort.invalid}`,
        field: sort.invalid,
        name: 'UnprocessableEntityFieldError',
        statusCode: 422,
      });
    }
    let predicate: ((user: UserRecord) => boolean) | null;
    try {
      predicate = buildUserFilter(query, 'v2');
    } catch (error) {
      if (error instanceof BadFilter)
        return sendError(reply, 'v2', 400, `Invalid value for ${error.parameter}`);
      throw error;
    }
    const all = context.state.data.users.items;
    // Unfiltered, default-order pages come straight from the sorted array by index.
    let selection: readonly UserRecord[] = predicate === null ? all : all.filter(predicate);
    if (sort !== null) selection = sortUsers(selection, sort);
    const { start, end } = pageBounds(page);
    const users = selection.slice(start, end);
    reply.headers(
      v2PageHeaders(selection.length, page, users.length, {
        origin: originOf(request),
        path: pathOf(request),
        query,
      }),
    );
    const fields = query.get('fields');
    return sendJson(
      reply,
      'v2',
      200,
      users.map((user) => project(toV2User(user), fields)),
    );
  });

  app.get('/api/2/users/:id', RESOURCE, (request, reply) => {
    const user = findUser(request);
    if (user === undefined) return notFound(reply);
    return sendJson(reply, 'v2', 200, project(toV2User(user), queryOf(request).get('fields')));
  });

  app.get('/api/2/users/:id/apps', RESOURCE, (request, reply) => {
    // The simulated account assigns no apps to users.
    return findUser(request) === undefined ? notFound(reply) : sendJson(reply, 'v2', 200, []);
  });

  app.post('/api/2/users', RESOURCE, (request, reply) => {
    const body = readJson(request, reply);
    if (body === undefined) return reply;
    const directory = context.state.data;
    const input = readUserInput(body, 'v2', directory, undefined);
    if ('error' in input) return sendError(reply, 'v2', input.error.status, input.error.message);
    const user = createUser(directory, input.patch, context.now());
    recordApiEvent(context, EventType.apiCreateUser, { user, ip: request.ip });
    return sendJson(reply, 'v2', 201, toV2User(user));
  });

  app.put('/api/2/users/:id', RESOURCE, (request, reply) => {
    const user = findUser(request);
    if (user === undefined) return notFound(reply);
    const body = readJson(request, reply);
    if (body === undefined) return reply;
    const directory = context.state.data;
    const input = readUserInput(body, 'v2', directory, user);
    if ('error' in input) return sendError(reply, 'v2', input.error.status, input.error.message);
    updateUser(directory, user, input.patch, context.now());
    recordApiEvent(context, EventType.apiUpdateUser, { user, ip: request.ip });
    return sendJson(reply, 'v2', 200, toV2User(user));
  });

  app.delete('/api/2/users/:id', RESOURCE, (request, reply) => {
    const user = findUser(request);
    if (user === undefined) return notFound(reply);
    context.state.data.removeUser(user.id);
    recordApiEvent(context, EventType.apiDestroyUser, { user, ip: request.ip });
    return sendNoContent(reply);
  });

  app.post('/api/2/users/:id/unlock', RESOURCE, (request, reply) => {
    const user = findUser(request);
    if (user === undefined) return notFound(reply);
    const body = bodyOf(request);
    if (body.kind === 'json' && body.value !== null && typeof body.value === 'object') {
      const [attribute] = Object.keys(body.value);
      if (attribute !== undefined) return sendError(reply, 'v2', 400, `unknown attribute: ${attribute}`);
    }
    if (user.status !== 3) return sendJson(reply, 'v2', 422, { message: 'User cannot be unlocked' });
    const now = context.now();
    setStatus(user, 1, now);
    user.updated_at = now;
    recordApiEvent(context, EventType.unlockedViaApi, { user, ip: request.ip });
    // "messsage" (three s) is what the documentation shows.
    return sendJson(reply, 'v2', 200, { messsage: 'User unlocked' });
  });

  function findUser(request: FastifyRequest): UserRecord | undefined {
    const id = idParam(request.params);
    return id === undefined ? undefined : context.state.data.users.get(id);
  }
}

function notFound(reply: FastifyReply): FastifyReply {
  return sendJson(reply, 'v2', 404, v2Error(404, V2Messages.idNotFound));
}

/** The JSON body, or `undefined` after answering 400 for anything that is not valid JSON. */
function readJson(request: FastifyRequest, reply: FastifyReply): unknown {
  const body = bodyOf(request);
  if (body.kind === 'json') return body.value;
  sendError(reply, 'v2', 400, body.kind === 'none' ? 'Request body is required' : V2Messages.invalidJson);
  return undefined;
}
