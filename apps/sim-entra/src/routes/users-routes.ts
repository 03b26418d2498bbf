/**
 * @module `/users` (entra-api.md §4): list with the OData options, `/$count`, get by id or UPN, create (201),
 * update (PATCH → 204), delete (204, the user leaves its groups and role assignments), and `memberOf`
 * (direct groups and activated directory roles, with the `microsoft.graph.group` cast).
 */
import { bodyOf, RESOURCE } from '@switchboard/sim-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { userTarget } from '../audit/audit-entry.js';
import { logAudit } from '../audit/audit-log.js';
import { USER_RULES } from '../collections/user-collection.js';
import type { DirectoryRoleRecord, UserRecord } from '../data/records.js';
import type { DirectoryObject } from '../data/tenant.js';
import type { SimContext } from '../http/context.js';
import { type CollectionRules, matchingRecords, servePage } from '../odata/collection.js';
import { queryOptions } from '../odata/query-options.js';
import { contextSuffix, parseSelect, project } from '../odata/select.js';
import { newUser } from '../users/new-user.js';
import { readUserChanges, unreadablePayload } from '../users/user-input.js';
import { directoryObjectView, GROUP_SHAPE } from '../wire/directory-views.js';
import { badRequest, resourceNotFound } from '../wire/graph-error.js';
import { sendEntity, sendPage } from '../wire/send.js';
import { USER_SHAPE, userView } from '../wire/user-view.js';

type Params = { Params: { id: string } };
type MemberOfItem = DirectoryObject | { kind: 'directoryRole'; record: DirectoryRoleRecord };

const MEMBER_OF_RULES: CollectionRules<MemberOfItem> = {
  contextPath: 'directoryObjects',
  orders: { default: { key: (item) => [item.record.id], directions: [1] } },
  presorted: { default: 'stored' },
  top: { default: 100, max: 999 },
  directoryObjects: true,
};

/** `$expand=memberOf` is the one navigation simulated on users; any other name answers 400 as Graph does. */
function readUserExpand(request: FastifyRequest): boolean {
  const raw = queryOptions(request).option('expand');
  if (raw === undefined) return false;
  for (const name of raw.split(',').map((part) => part.trim())) {
    if (name !== 'memberOf') {
      throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.user'.`);
    }
  }
  return true;
}

function jsonBody(request: FastifyRequest): unknown {
  const body = bodyOf(request);
  if (body.kind === 'json') return body.value;
  throw unreadablePayload();
}

export function registerUsersRoutes(app: FastifyInstance, context: SimContext): void {
  const tenant = () => context.state.tenant;
  const findUser = (id: string): UserRecord => {
    const user = tenant().findUser(decodeURIComponent(id));
    if (user === undefined) throw resourceNotFound(id);
    return user;
  };

  const memberOf = (user: UserRecord, groupsOnly: boolean): MemberOfItem[] => {
    const data = tenant();
    const groups: MemberOfItem[] = data.groupsOf(user.id).map((record) => ({ kind: 'group', record }));
    if (groupsOnly) return groups;
    const templates = new Set(
      data.roleAssignments.items
        .filter((assignment) => assignment.principalId === user.id && assignment.directoryScopeId === '/')
        .map((assignment) => assignment.roleDefinitionId),
    );
    const roles: MemberOfItem[] = data.directoryRoles.items
      .filter((role) => templates.has(role.roleTemplateId))
      .map((record) => ({ kind: 'directoryRole', record }));
    return [...groups, ...roles];
  };

  /** The user's wire view; `$expand=memberOf` adds the direct groups and roles (Graph caps it at 20). */
  const view = (user: UserRecord, selected: string[] | undefined, expand: boolean) => {
    const projected = project(userView(user), USER_SHAPE, selected);
    if (expand)
      projected['memberOf'] = memberOf(user, false)
        .slice(0, 20)
        .map((item) => directoryObjectView(item, undefined));
    return projected;
  };

  app.get('/v1.0/users', RESOURCE, async (request, reply) => {
    const selected = parseSelect(queryOptions(request).option('select'), [USER_SHAPE]);
    const expand = readUserExpand(request);
    const page = servePage(request, tenant().users.items, USER_RULES, contextSuffix(selected));
    return sendPage(reply, page, (user) => view(user, selected, expand));
  });

  app.get('/v1.0/users/$count', RESOURCE, async (request, reply) => {
    if (!queryOptions(request).eventual) throw badRequest('$count is not currently supported.');
    const count = matchingRecords(request, tenant().users.items, USER_RULES).length;
    return reply.type('text/plain').send(String(count));
  });

  app.get<Params>('/v1.0/users/:id', RESOURCE, async (request, reply) => {
    const user = findUser(request.params.id);
    const selected = parseSelect(queryOptions(request).option('select'), [USER_SHAPE]);
    return sendEntity(
      reply,
      `users${contextSuffix(selected)}`,
      view(user, selected, readUserExpand(request)),
    );
  });

  app.post('/v1.0/users', RESOURCE, async (request, reply) => {
    const changes = readUserChanges(jsonBody(request), tenant());
    const user = newUser(changes, context.now(), context.state.ids.guid());
    tenant().users.insert(user);
    logAudit(context, 'Add user', [userTarget(user)]);
    return sendEntity(reply, 'users', project(userView(user), USER_SHAPE, undefined), 201);
  });

  app.patch<Params>('/v1.0/users/:id', RESOURCE, async (request, reply) => {
    const user = findUser(request.params.id);
    const changes = readUserChanges(jsonBody(request), tenant(), user);
    const wasEnabled = user.accountEnabled;
    const modified = Object.entries(changes.fields).map(([name, value]) => ({
      displayName: name,
      oldValue: JSON.stringify([(user as unknown as Record<string, unknown>)[name] ?? null]),
      newValue: JSON.stringify([value]),
    }));
    Object.assign(user, changes.fields);
    if (changes.password !== undefined) {
      user.password = changes.password;
      user.forceChangePasswordNextSignIn = changes.forceChangePasswordNextSignIn ?? true;
      logAudit(context, 'Reset password', [userTarget(user)]);
    }
    if (modified.length > 0) logAudit(context, 'Update user', [userTarget(user, modified)]);
    if (wasEnabled && !user.accountEnabled) logAudit(context, 'Disable account', [userTarget(user)]);
    if (!wasEnabled && user.accountEnabled) logAudit(context, 'Enable account', [userTarget(user)]);
    return reply.code(204).send();
  });

  app.delete<Params>('/v1.0/users/:id', RESOURCE, async (request, reply) => {
    const user = findUser(request.params.id);
    const data = tenant();
    data.users.remove(user.id);
    for (const group of data.groups.items) {
      const index = group.members.indexOf(user.id);
      if (index >= 0) group.members.splice(index, 1);
    }
    for (const assignment of [...data.roleAssignments.items]) {
      if (assignment.principalId === user.id) data.roleAssignments.remove(assignment.id);
    }
    logAudit(context, 'Delete user', [userTarget(user)]);
    return reply.code(204).send();
  });

  for (const [suffix, groupsOnly] of [
    ['', false],
    ['/microsoft.graph.group', true],
  ] as const) {
    app.get<Params>(`/v1.0/users/:id/memberOf${suffix}`, RESOURCE, async (request, reply) => {
      const user = findUser(request.params.id);
      const options = queryOptions(request);
      if (
        groupsOnly &&
        !(options.eventual && options.option('count') === 'true') &&
        options.option('filter') !== undefined
      ) {
        throw badRequest(
          '$filter on an OData cast needs $count=true and the ConsistencyLevel:eventual header.',
        );
      }
      const selected = parseSelect(options.option('select'), [USER_SHAPE, GROUP_SHAPE]);
      const items = memberOf(user, groupsOnly).sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
      const page = servePage(request, items, {
        ...MEMBER_OF_RULES,
        contextPath: groupsOnly ? 'groups' : 'directoryObjects',
      });
      return sendPage(reply, page, (item) => directoryObjectView(item, selected));
    });
  }
}
