/**
 * @module Groups and memberships (reference §6): list (filter/search/q, Link paging), get, the members of a
 * group (Link paging), the groups of a user (one unpaged array), and membership writes, which only
 * OKTA_GROUP groups accept (403 E0000006 otherwise).
 */
import { insertId, keysetPage, queryOf, RESOURCE, readLimit, removeId } from '@switchboard/sim-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { groupTarget, userTarget } from '../data/log-events.js';
import { recordApiEvent } from '../http/api-events.js';
import type { SimContext } from '../http/context.js';
import { orgOrigin } from '../http/org-origin.js';
import { type GroupSelection, parseGroupSelection, selectsGroup } from '../query/group-query.js';
import { ExpressionError } from '../query/scim-expression.js';
import { groupView } from '../wire/group-view.js';
import { OktaErrors, sendOktaError } from '../wire/okta-errors.js';
import { setPageLinks } from '../wire/okta-links.js';
import { sendJson } from '../wire/send-json.js';
import { userView } from '../wire/user-view.js';
import { userNotFound } from './users-routes.js';

/**
 * Groups: the spec allows up to 10000, the old docs say 200 for most orgs (CONFLICTING, §6); the simulator
 * serves 200 by default and honours up to 10000. Members: default 1000 (§6).
 */
const GROUP_PAGE = { defaultLimit: 200, maxLimit: 10_000 };
const MEMBER_PAGE = { defaultLimit: 1000, maxLimit: 1000 };

function groupNotFound(reply: FastifyReply, id: string): FastifyReply {
  return sendOktaError(reply, OktaErrors.notFound(`${id} (UserGroup)`));
}

export function registerGroupsRoutes(app: FastifyInstance, context: SimContext): void {
  const data = () => context.state.data;

  app.get('/api/v1/groups', RESOURCE, async (request, reply) => {
    const query = queryOf(request);
    const filter = query.get('filter');
    const search = query.get('search');
    if (filter !== undefined && search !== undefined) return sendOktaError(reply, OktaErrors.searchAndFilter);
    let selection: GroupSelection = { kind: 'all' };
    try {
      if (search !== undefined) selection = parseGroupSelection('search', search);
      else if (filter !== undefined) selection = parseGroupSelection('filter', filter);
      else if (query.get('q') !== undefined) selection = { kind: 'q', text: query.get('q') ?? '' };
    } catch (error) {
      if (error instanceof ExpressionError) return sendOktaError(reply, OktaErrors.invalidSearch);
      throw error;
    }
    const matching = data().groups.items.filter((group) => selectsGroup(selection, group));
    const limit = readLimit(query.get('limit'), GROUP_PAGE);
    const origin = orgOrigin(context, request);
    if (selection.kind === 'q')
      return sendJson(
        reply,
        200,
        matching.slice(0, limit).map((g) => groupView(g, origin)),
      );
    const page = keysetPage(matching, query.get('after'), limit, (group) => group.id);
    setPageLinks(request, reply, limit, page.nextAfter, query);
    return sendJson(
      reply,
      200,
      page.items.map((group) => groupView(group, origin)),
    );
  });

  app.get<{ Params: { id: string } }>('/api/v1/groups/:id', RESOURCE, async (request, reply) => {
    const group = data().groups.get(request.params.id);
    if (group === undefined) return groupNotFound(reply, request.params.id);
    return sendJson(reply, 200, groupView(group, orgOrigin(context, request)));
  });

  app.get<{ Params: { id: string } }>('/api/v1/groups/:id/users', RESOURCE, async (request, reply) => {
    const group = data().groups.get(request.params.id);
    if (group === undefined) return groupNotFound(reply, request.params.id);
    const query = queryOf(request);
    const limit = readLimit(query.get('limit'), MEMBER_PAGE);
    const page = keysetPage(group.members, query.get('after'), limit, (id) => id);
    setPageLinks(request, reply, limit, page.nextAfter, query);
    const origin = orgOrigin(context, request);
    const users = page.items.flatMap((id) => {
      const user = data().users.get(id);
      return user === undefined ? [] : [userView(user, origin)];
    });
    return sendJson(reply, 200, users);
  });

  app.get<{ Params: { id: string } }>('/api/v1/users/:id/groups', RESOURCE, async (request, reply) => {
    const user = data().findUser(request.params.id);
    if (user === undefined) return userNotFound(reply, request.params.id);
    const origin = orgOrigin(context, request);
    return sendJson(
      reply,
      200,
      data()
        .groupsOf(user.id)
        .map((group) => groupView(group, origin)),
    );
  });

  type MemberParams = { Params: { gid: string; uid: string } };
  const membership = (add: boolean) => async (request: FastifyRequest<MemberParams>, reply: FastifyReply) => {
    const group = data().groups.get(request.params.gid);
    if (group === undefined) return groupNotFound(reply, request.params.gid);
    const user = data().users.get(request.params.uid);
    if (user === undefined) return userNotFound(reply, request.params.uid);
    if (group.type !== 'OKTA_GROUP') return sendOktaError(reply, OktaErrors.forbidden);
    const changed = add ? insertId(group.members, user.id) : removeId(group.members, user.id);
    if (changed) {
      group.lastMembershipUpdated = context.now();
      const eventType = add ? 'group.user_membership.add' : 'group.user_membership.remove';
      recordApiEvent(context, request, eventType, [userTarget(user), groupTarget(group)]);
    }
    return reply.code(204).send();
  };
  app.put<MemberParams>('/api/v1/groups/:gid/users/:uid', RESOURCE, membership(true));
  app.delete<MemberParams>('/api/v1/groups/:gid/users/:uid', RESOURCE, membership(false));
}
