/**
 * @module Roles and groups on v1: enveloped lists with body-cursor pagination (groups send no After-Cursor
 * header, so clients must read `pagination.after_cursor`) and array-of-one gets.
 */

import { queryOf, RESOURCE } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import type { GroupRecord, RoleRecord } from '../data/records.js';
import { BadFilter, integerListParam } from '../filters/query-values.js';
import { wildcardMatcher } from '../filters/wildcard.js';
import type { SimContext } from '../http/context.js';
import { project } from '../wire/fields.js';
import { sendError, sendJson } from '../wire/send.js';
import { v1Data } from '../wire/v1-envelope.js';
import { sendV1List, v1Id, v1NotFound } from './v1-reads.js';

const toV1Role = (role: RoleRecord) => ({ id: role.id, name: role.name });
// `reference` is deprecated and always null.
const toV1Group = (group: GroupRecord) => ({ id: group.id, name: group.name, reference: null });

export function registerRolesGroupsV1Routes(app: FastifyInstance, context: SimContext): void {
  for (const [path, noun] of [
    ['/api/1/roles', 'Role'],
    ['/api/1/groups', 'Group'],
  ] as const) {
    const table = () => (noun === 'Role' ? context.state.data.roles : context.state.data.groups);
    const render = noun === 'Role' ? toV1Role : toV1Group;

    app.get(path, RESOURCE, (request, reply) => {
      const query = queryOf(request);
      let ids: Set<number> | undefined;
      try {
        ids = integerListParam('id', query.get('id'));
      } catch (error) {
        if (error instanceof BadFilter)
          return sendError(reply, 'v1', 400, { attribute: 'id', description: 'ID is incorrect' });
        throw error;
      }
      const name = query.get('name');
      const nameMatches = name === undefined || name === '' ? null : wildcardMatcher(name);
      const match =
        ids === undefined && nameMatches === null
          ? null
          : (item: RoleRecord | GroupRecord) =>
              (ids === undefined || ids.has(item.id)) && (nameMatches === null || nameMatches(item.name));
      const fields = query.get('fields');
      const items: readonly (RoleRecord | GroupRecord)[] = table().items;
      return sendV1List(
        context,
        request,
        reply,
        { items, match, render: (item) => project(render(item as RoleRecord & GroupRecord), fields) },
        query,
      );
    });

    app.get(`${path}/:id`, RESOURCE, (request, reply) => {
      const id = v1Id(request, reply);
      if (id === undefined) return reply;
      const item = table().get(id);
      if (item === undefined) return v1NotFound(reply, noun, id);
      return sendJson(reply, 'v1', 200, v1Data([render(item as RoleRecord & GroupRecord)]));
    });
  }
}
