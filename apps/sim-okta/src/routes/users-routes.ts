/**
 * @module Users (reference §5): list with `filter` / `search` / `q` and Link paging, get by id or login,
 * create (200, status by `activate` and password), partial update (POST), full replace (PUT), and DELETE
 * (deactivate first, delete the second time).
 */
import { insertId, keysetPage, queryOf, RESOURCE, readLimit } from '@switchboard/sim-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { userTarget } from '../data/log-events.js';
import type { UserRecord, UserStatus } from '../data/records.js';
import { recordApiEvent } from '../http/api-events.js';
import type { SimContext } from '../http/context.js';
import { orgOrigin } from '../http/org-origin.js';
import { ExpressionError } from '../query/scim-expression.js';
import { parseUserSelection, selects, type UserSelection } from '../query/user-query.js';
import { DUPLICATE_LOGIN, isOktaError, readUserInput } from '../users/user-input.js';
import { OktaErrors, sendOktaError } from '../wire/okta-errors.js';
import { setPageLinks } from '../wire/okta-links.js';
import { jsonObjectBody } from '../wire/request-json.js';
import { sendJson } from '../wire/send-json.js';
import { userView } from '../wire/user-view.js';

/** Default and maximum 200 (reference §5); `q` defaults to 10. Larger values are capped (unconfirmed). */
const PAGE = { defaultLimit: 200, maxLimit: 200 };
const Q_PAGE = { defaultLimit: 10, maxLimit: 200 };

type IdParams = { Params: { id: string } };

export function registerUsersRoutes(app: FastifyInstance, context: SimContext): void {
  const data = () => context.state.data;

  app.get('/api/v1/users', RESOURCE, async (request, reply) => {
    const query = queryOf(request);
    const filter = query.get('filter');
    const search = query.get('search');
    const q = query.get('q');
    if (filter !== undefined && search !== undefined) return sendOktaError(reply, OktaErrors.searchAndFilter);
    let selection: UserSelection = { kind: 'plain' };
    try {
      if (search !== undefined) selection = parseUserSelection('search', search);
      else if (filter !== undefined) selection = parseUserSelection('filter', filter);
      else if (q !== undefined) selection = { kind: 'q', text: q };
    } catch (error) {
      if (error instanceof ExpressionError) return sendOktaError(reply, OktaErrors.invalidSearch);
      throw error;
    }
    const matching = data().users.items.filter((user) => selects(selection, user));
    const origin = orgOrigin(context, request);
    if (selection.kind === 'q') {
      // `q` does not paginate: one page, no next link.
      const limit = readLimit(query.get('limit'), Q_PAGE);
      return sendJson(
        reply,
        200,
        matching.slice(0, limit).map((user) => userView(user, origin)),
      );
    }
    const limit = readLimit(query.get('limit'), PAGE);
    const page = keysetPage(matching, query.get('after'), limit, (user) => user.id);
    setPageLinks(request, reply, limit, page.nextAfter, query);
    return sendJson(
      reply,
      200,
      page.items.map((user) => userView(user, origin)),
    );
  });

  app.get<IdParams>('/api/v1/users/:id', RESOURCE, async (request, reply) => {
    const user = data().findUser(request.params.id);
    if (user === undefined) return userNotFound(reply, request.params.id);
    return sendJson(reply, 200, userView(user, orgOrigin(context, request)));
  });

  app.post('/api/v1/users', RESOURCE, async (request, reply) => {
    const body = jsonObjectBody(request);
    if (body === undefined) return sendOktaError(reply, OktaErrors.malformedBody);
    const input = readUserInput(body, { complete: true });
    if (isOktaError(input)) return sendOktaError(reply, input);
    const profile = input.profile ?? {};
    if (data().loginTaken(String(profile['login']))) {
      return sendOktaError(reply, OktaErrors.validation('login', [DUPLICATE_LOGIN]));
    }
    const groups = input.groupIds.map((id) => data().groups.get(id));
    if (groups.some((group) => group === undefined || group.type !== 'OKTA_GROUP')) {
      return sendOktaError(reply, OktaErrors.validation('groupIds', ['groupIds: Invalid group id']));
    }
    const activate = queryOf(request).get('activate') !== 'false';
    const now = context.now();
    // Reference §5: activate=false → STAGED; with a password → ACTIVE; without → PROVISIONED.
    const status: UserStatus = !activate ? 'STAGED' : input.password !== undefined ? 'ACTIVE' : 'PROVISIONED';
    const user: UserRecord = {
      id: data().nextUserId(),
      status,
      created: now,
      activated: status === 'ACTIVE' ? now : null,
      statusChanged: status === 'STAGED' ? null : now,
      lastLogin: null,
      lastUpdated: now,
      passwordChanged: input.password === undefined ? null : now,
      hasPassword: input.password !== undefined,
      hasRecoveryQuestion: input.recoveryQuestion,
      profile,
    };
    data().users.insert(user);
    const everyone = data().groups.items.find((group) => group.type === 'BUILT_IN');
    for (const group of [everyone, ...groups]) {
      if (group !== undefined && insertId(group.members, user.id)) group.lastMembershipUpdated = now;
    }
    recordApiEvent(context, request, 'user.lifecycle.create', [userTarget(user)]);
    if (activate) recordApiEvent(context, request, 'user.lifecycle.activate', [userTarget(user)]);
    return sendJson(reply, 200, userView(user, orgOrigin(context, request)));
  });

  const update = (complete: boolean) => async (request: FastifyRequest<IdParams>, reply: FastifyReply) => {
    const user = data().findUser(request.params.id);
    if (user === undefined) return userNotFound(reply, request.params.id);
    const body = jsonObjectBody(request);
    if (body === undefined) return sendOktaError(reply, OktaErrors.malformedBody);
    const input = readUserInput(body, { complete, current: user.profile });
    if (isOktaError(input)) return sendOktaError(reply, input);
    if (input.profile !== undefined && data().loginTaken(String(input.profile['login']), user.id)) {
      return sendOktaError(reply, OktaErrors.validation('login', [DUPLICATE_LOGIN]));
    }
    const now = context.now();
    if (input.profile !== undefined) user.profile = input.profile;
    if (input.password !== undefined) {
      user.hasPassword = true;
      user.passwordChanged = now;
    }
    if (input.recoveryQuestion) user.hasRecoveryQuestion = true;
    user.lastUpdated = now;
    if (input.profile !== undefined)
      recordApiEvent(context, request, 'user.account.update_profile', [userTarget(user)]);
    return sendJson(reply, 200, userView(user, orgOrigin(context, request)));
  };
  app.post<IdParams>('/api/v1/users/:id', RESOURCE, update(false));
  app.put<IdParams>('/api/v1/users/:id', RESOURCE, update(true));

  app.delete<IdParams>('/api/v1/users/:id', RESOURCE, async (request, reply) => {
    const user = data().findUser(request.params.id);
    if (user === undefined) return userNotFound(reply, request.params.id);
    const now = context.now();
    if (user.status === 'DEPROVISIONED') {
      recordApiEvent(context, request, 'user.lifecycle.delete.initiated', [userTarget(user)]);
      data().removeUser(user.id, now);
    } else {
      user.status = 'DEPROVISIONED';
      user.statusChanged = now;
      user.lastUpdated = now;
      recordApiEvent(context, request, 'user.lifecycle.deactivate', [userTarget(user)]);
    }
    return reply.code(204).send();
  });
}

export function userNotFound(reply: FastifyReply, id: string): FastifyReply {
  return sendOktaError(reply, OktaErrors.notFound(`${id} (User)`));
}
