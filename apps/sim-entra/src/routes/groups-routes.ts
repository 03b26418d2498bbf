/**
 * @module `/groups` (entra-api.md §5): list, get, members (typed directory objects, paged), and membership
 * writes through `$ref`: add answers 204, 400 when already a member, 404 when the object does not exist;
 * remove answers 204, 404 when not a member.
 */
import { bodyOf, isPlainObject, RESOURCE } from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import { groupTarget, userTarget } from '../audit/audit-entry.js';
import { logAudit } from '../audit/audit-log.js';
import { GROUP_RULES, MEMBER_RULES } from '../collections/group-collection.js';
import { GUID } from '../data/guid.js';
import type { GroupRecord } from '../data/records.js';
import type { DirectoryObject } from '../data/tenant.js';
import type { SimContext } from '../http/context.js';
import { servePage } from '../odata/collection.js';
import { queryOptions } from '../odata/query-options.js';
import { contextSuffix, parseSelect, project } from '../odata/select.js';
import { unreadablePayload } from '../users/user-input.js';
import { directoryObjectView, GROUP_SHAPE, groupView } from '../wire/directory-views.js';
import { badRequest, resourceNotFound } from '../wire/graph-error.js';
import { sendEntity, sendPage } from '../wire/send.js';
import { USER_SHAPE } from '../wire/user-view.js';

type Params = { Params: { id: string } };

/** The object id at the end of an `@odata.id` (`…/directoryObjects/{id}`, `…/users/{id}`, `…/groups/{id}`). */
function referencedId(value: unknown): string {
  if (typeof value !== 'string')
    throw badRequest("The request must contain an '@odata.id' reference to a directory object.");
  const last = value.replace(/\/+$/, '').split('/').at(-1) ?? '';
  const id = last.replace(/^directoryObjects\(|\)$/g, '').replace(/'/g, '');
  if (!GUID.test(id)) throw badRequest(`Invalid object identifier '${last}'.`);
  return id.toLowerCase();
}

export function registerGroupsRoutes(app: FastifyInstance, context: SimContext): void {
  const tenant = () => context.state.tenant;
  const findGroup = (id: string): GroupRecord => {
    const group = tenant().groups.get(id.toLowerCase());
    if (group === undefined) throw resourceNotFound(id);
    return group;
  };

  app.get('/v1.0/groups', RESOURCE, async (request, reply) => {
    const selected = parseSelect(queryOptions(request).option('select'), [GROUP_SHAPE]);
    const page = servePage(request, tenant().groups.items, GROUP_RULES, contextSuffix(selected));
    return sendPage(reply, page, (group) => project(groupView(group), GROUP_SHAPE, selected));
  });

  app.get<Params>('/v1.0/groups/:id', RESOURCE, async (request, reply) => {
    const group = findGroup(request.params.id);
    const selected = parseSelect(queryOptions(request).option('select'), [GROUP_SHAPE]);
    return sendEntity(
      reply,
      `groups${contextSuffix(selected)}`,
      project(groupView(group), GROUP_SHAPE, selected),
    );
  });

  app.get<Params>('/v1.0/groups/:id/members', RESOURCE, async (request, reply) => {
    const group = findGroup(request.params.id);
    const selected = parseSelect(queryOptions(request).option('select'), [USER_SHAPE, GROUP_SHAPE]);
    const members = group.members
      .map((id) => tenant().directoryObject(id))
      .filter((member): member is DirectoryObject => member !== undefined)
      .sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
    const page = servePage(request, members, MEMBER_RULES);
    return sendPage(reply, page, (member) => directoryObjectView(member, selected));
  });

  app.post<Params>('/v1.0/groups/:id/members/$ref', RESOURCE, async (request, reply) => {
    const group = findGroup(request.params.id);
    const body = bodyOf(request);
    if (body.kind !== 'json' || !isPlainObject(body.value)) throw unreadablePayload();
    const memberId = referencedId(body.value['@odata.id']);
    const member = tenant().directoryObject(memberId);
    if (member === undefined) throw resourceNotFound(memberId);
    if (group.members.includes(memberId)) {
      throw badRequest(
        "One or more added object references already exist for the following modified properties: 'members'.",
      );
    }
    group.members.push(memberId);
    logAudit(context, 'Add member to group', [groupTarget(group), ...memberTarget(member)]);
    return reply.code(204).send();
  });

  app.delete<{ Params: { id: string; memberId: string } }>(
    '/v1.0/groups/:id/members/:memberId/$ref',
    RESOURCE,
    async (request, reply) => {
      const group = findGroup(request.params.id);
      const memberId = request.params.memberId.toLowerCase();
      const index = group.members.indexOf(memberId);
      if (index < 0) throw resourceNotFound(request.params.memberId);
      group.members.splice(index, 1);
      const member = tenant().directoryObject(memberId);
      logAudit(context, 'Remove member from group', [
        groupTarget(group),
        ...(member ? memberTarget(member) : []),
      ]);
      return reply.code(204).send();
    },
  );
}

function memberTarget(member: DirectoryObject) {
  if (member.kind === 'user') return [userTarget(member.record)];
  if (member.kind === 'group') return [groupTarget(member.record)];
  return [];
}
