/**
 * @module Users v1: enveloped, "get one" answers an array of one, create answers 200 (not 201), delete
 * answers a status-only envelope, and two reads answer an array inside an array (reference §6.3, §11.2).
 */

import { queryOf, RESOURCE } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import { EventType } from '../data/event-types.js';
import type { UserRecord } from '../data/records.js';
import { BadFilter } from '../filters/query-values.js';
import { buildUserFilter } from '../filters/user-filter.js';
import { recordApiEvent } from '../http/api-events.js';
import type { SimContext } from '../http/context.js';
import { readUserInput } from '../users/user-input.js';
import { createUser, updateUser } from '../users/user-writes.js';
import { project } from '../wire/fields.js';
import { sendError, sendJson } from '../wire/send.js';
import { toV1User } from '../wire/user-view.js';
import { V1_SUCCESS, v1Data } from '../wire/v1-envelope.js';
import { sendV1List, v1Body, v1Id, v1NotFound } from './v1-reads.js';

export function registerUsersV1Routes(app: FastifyInstance, context: SimContext): void {
  app.get('/api/1/users', RESOURCE, (request, reply) => {
    const query = queryOf(request);
    let match: ((user: UserRecord) => boolean) | null;
    try {
      match = buildUserFilter(query, 'v1');
    } catch (error) {
      if (error instanceof BadFilter) {
        return sendError(reply, 'v1', 400, {
          attribute: error.parameter,
          description: `${error.parameter} is invalid`,
        });
      }
      throw error;
    }
    const fields = query.get('fields');
    return sendV1List(
      context,
      request,
      reply,
      { items: context.state.data.users.items, match, render: (user) => project(toV1User(user), fields) },
      query,
    );
  });

  app.get('/api/1/users/custom_attributes', RESOURCE, (_request, reply) =>
    sendJson(reply, 'v1', 200, v1Data([[...context.state.data.customAttributeNames]])),
  );

  app.get('/api/1/users/:id', RESOURCE, (request, reply) => {
    const id = v1Id(request, reply);
    if (id === undefined) return reply;
    const user = context.state.data.users.get(id);
    if (user === undefined) return v1NotFound(reply, 'User', id);
    return sendJson(reply, 'v1', 200, v1Data([project(toV1User(user), queryOf(request).get('fields'))]));
  });

  app.get('/api/1/users/:id/roles', RESOURCE, (request, reply) => {
    const id = v1Id(request, reply);
    if (id === undefined) return reply;
    const user = context.state.data.users.get(id);
    if (user === undefined) return v1NotFound(reply, 'User', id);
    return sendJson(reply, 'v1', 200, v1Data([[...user.role_ids]]));
  });

  app.get('/api/1/users/:id/apps', RESOURCE, (request, reply) => {
    const id = v1Id(request, reply);
    if (id === undefined) return reply;
    if (context.state.data.users.get(id) === undefined) return v1NotFound(reply, 'User', id);
    // No apps are assigned to users; real v1 answers an empty list as [[]].
    return sendJson(reply, 'v1', 200, v1Data([[]]));
  });

  app.post('/api/1/users', RESOURCE, (request, reply) => {
    const body = v1Body(request, reply);
    if (body === undefined) return reply;
    const directory = context.state.data;
    const input = readUserInput(body, 'v1', directory, undefined);
    if ('error' in input) return sendError(reply, 'v1', input.error.status, input.error.message);
    const user = createUser(directory, input.patch, context.now());
    recordApiEvent(context, EventType.apiCreateUser, { user, ip: request.ip });
    return sendJson(reply, 'v1', 200, v1Data([toV1User(user)]));
  });

  app.put('/api/1/users/:id', RESOURCE, (request, reply) => {
    const id = v1Id(request, reply);
    if (id === undefined) return reply;
    const directory = context.state.data;
    const user = directory.users.get(id);
    if (user === undefined) return v1NotFound(reply, 'User', id);
    const body = v1Body(request, reply);
    if (body === undefined) return reply;
    const input = readUserInput(body, 'v1', directory, user);
    if ('error' in input) return sendError(reply, 'v1', input.error.status, input.error.message);
    updateUser(directory, user, input.patch, context.now());
    recordApiEvent(context, EventType.apiUpdateUser, { user, ip: request.ip });
    return sendJson(reply, 'v1', 200, v1Data([toV1User(user)]));
  });

  app.delete('/api/1/users/:id', RESOURCE, (request, reply) => {
    const id = v1Id(request, reply);
    if (id === undefined) return reply;
    const user = context.state.data.removeUser(id);
    if (user === undefined) return v1NotFound(reply, 'User', id);
    recordApiEvent(context, EventType.apiDestroyUser, { user, ip: request.ip });
    return sendJson(reply, 'v1', 200, { status: V1_SUCCESS });
  });
}
