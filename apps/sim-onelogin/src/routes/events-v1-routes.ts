/**
 * @module Events (v1 only): keyset pages over an array sorted by both id and created_at, so `since`/`until`
 * become a binary-searched index range and only the remaining filters scan.
 */

import { lowerBound, OPEN_RESOURCE, queryOf, RESOURCE, upperBound } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import type { EventRecord } from '../data/records.js';
import { BadFilter, integerListParam, integerParam, timeParam } from '../filters/query-values.js';
import type { SimContext } from '../http/context.js';
import { toV1Event } from '../wire/event-view.js';
import { project } from '../wire/fields.js';
import { sendError, sendJson } from '../wire/send.js';
import { v1Data } from '../wire/v1-envelope.js';
import { sendV1List, v1Id, v1NotFound } from './v1-reads.js';

const createdAt = (event: EventRecord): number => event.created_at;

export function registerEventsV1Routes(app: FastifyInstance, context: SimContext): void {
  app.get('/api/1/events', RESOURCE, (request, reply) => {
    const query = queryOf(request);
    const events = context.state.data.events.items;
    const checks: ((event: EventRecord) => boolean)[] = [];
    let range: { from: number; to: number };
    try {
      const since = timeParam('since', query.get('since'));
      const until = timeParam('until', query.get('until'));
      range = {
        from: since === undefined ? 0 : lowerBound(events, since, createdAt),
        to: until === undefined ? events.length : upperBound(events, until, createdAt),
      };
      const types = integerListParam('event_type_id', query.get('event_type_id'));
      if (types !== undefined) checks.push((event) => types.has(event.event_type_id));
      const ids = integerListParam('id', query.get('id'));
      if (ids !== undefined) checks.push((event) => ids.has(event.id));
      for (const name of ['user_id', 'directory_id'] as const) {
        const value = integerParam(name, query.get(name));
        if (value !== undefined) checks.push((event) => event[name] === value);
      }
      const clientId = query.get('client_id');
      if (clientId !== undefined && clientId !== '') checks.push((event) => event.client_id === clientId);
    } catch (error) {
      if (error instanceof BadFilter) {
        return sendError(reply, 'v1', 400, {
          attribute: error.parameter,
          description: `${error.parameter} is invalid`,
        });
      }
      throw error;
    }
    const directory = context.state.data;
    const fields = query.get('fields');
    return sendV1List(
      context,
      request,
      reply,
      {
        items: events,
        match: checks.length === 0 ? null : (event) => checks.every((check) => check(event)),
        range,
        render: (event) => project(toV1Event(event, directory), fields),
      },
      query,
    );
  });

  // Registered before `/:id` only for readability: Fastify always prefers the static segment.
  app.get('/api/1/events/types', OPEN_RESOURCE, (_request, reply) =>
    sendJson(
      reply,
      'v1',
      200,
      v1Data(context.state.data.eventTypes.map(({ name, description, id }) => ({ name, description, id }))),
    ),
  );

  app.get('/api/1/events/:id', RESOURCE, (request, reply) => {
    const id = v1Id(request, reply);
    if (id === undefined) return reply;
    const event = context.state.data.events.get(id);
    if (event === undefined) return v1NotFound(reply, 'Event', id);
    return sendJson(reply, 'v1', 200, v1Data([toV1Event(event, context.state.data)]));
  });
}
