/**
 * `okta.yaml` as the engine loads it: the connection's host rule, the upstream queries its mappings send (the
 * reference's exact filter strings), and the comment tables kept in step with the definitions they describe.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CompiledIntegration, loadIntegrationFile } from '@switchboard/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const FILE = fileURLToPath(new URL('../okta.yaml', import.meta.url));
const source = readFileSync(FILE, 'utf8');
const document = parse(source) as {
  connection: { domain: { pattern: string } };
  definitions: Record<string, string>;
};
let okta: CompiledIntegration;
beforeAll(async () => {
  okta = await loadIntegrationFile(FILE);
});

const NOW = '2026-03-01T12:00:00.000Z';
async function evaluate(pointer: string, input: unknown): Promise<unknown> {
  const compiled = okta.expression(pointer);
  if (compiled === undefined) throw new Error(`${pointer} was not compiled`);
  const result = await compiled.evaluate(input, { query: input, now: NOW });
  return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
}
const usersQuery = (filters: Record<string, string>) =>
  evaluate('/unified/user-directory/users/list/query', filters);
const logsQuery = (filters: Record<string, string>) =>
  evaluate('/unified/user-directory/activities/list/query', filters);

describe('connection', () => {
  const domain = new RegExp(document.connection.domain.pattern);
  it.each(['acme.okta.com', 'acme.oktapreview.com', 'acme-eu.okta-emea.com', 'dev-123456.okta.com'])(
    'accepts %s',
    (host) => {
      expect(domain.test(host)).toBe(true);
    },
  );
  it.each([
    'acme-admin.okta.com',
    'https://acme.okta.com',
    'acme.okta.com/api',
    'acme.okta.com:443',
    'acme.okta.com.evil.example',
    'evil.example',
    'a.b.okta.com',
    'login.acme.com',
  ])('refuses %s', (host) => {
    expect(domain.test(host)).toBe(false);
  });
});

describe('users: the upstream query', () => {
  it('lists every status, deactivated users included, with the filter §9.2 writes', async () => {
    expect(await usersQuery({})).toEqual({
      filter:
        'status eq "STAGED" or status eq "PROVISIONED" or status eq "ACTIVE" or status eq "RECOVERY" or status eq "PASSWORD_EXPIRED" or status eq "LOCKED_OUT" or status eq "SUSPENDED" or status eq "DEPROVISIONED"',
    });
  });

  it.each([
    ['invited', 'status eq "STAGED" or status eq "PROVISIONED"'],
    ['locked', 'status eq "RECOVERY" or status eq "PASSWORD_EXPIRED" or status eq "LOCKED_OUT"'],
    ['deleted', 'status eq "DEPROVISIONED"'],
    ['active', 'status eq "ACTIVE"'],
  ])('turns status %s into the or of its Okta statuses', async (status, filter) => {
    expect(await usersQuery({ status })).toEqual({ filter });
  });

  it('filters email, login and lastUpdated with eq/ge, quoting values', async () => {
    expect(
      await usersQuery({
        email: 'a"b@example.com',
        username: 'ann@example.com',
        'updated_at[gte]': '2026-01-31T09:00:00Z',
      }),
    ).toEqual({
      filter:
        'profile.email eq "a\\"b@example.com" and profile.login eq "ann@example.com" and lastUpdated ge "2026-01-31T09:00:00.000Z"',
    });
  });

  it('moves to search for created_at[gte] (filter cannot read created)', async () => {
    expect(await usersQuery({ 'created_at[gte]': '2025-06-01T00:00:00Z', email: 'ann@example.com' })).toEqual(
      {
        search: 'profile.email eq "ann@example.com" and created ge "2025-06-01T00:00:00.000Z"',
      },
    );
  });
});

describe('activities: the upstream query', () => {
  it('reads a bounded 90-day window by default', async () => {
    expect(await logsQuery({})).toEqual({
      since: '2025-12-01T12:00:00.000Z',
      until: NOW,
      sortOrder: 'ASCENDING',
    });
  });

  it('turns action into event types and user_id into actor or target, grouping only an `or` under an `and`', async () => {
    expect(await logsQuery({ action: 'login', user_id: '00u1' })).toMatchObject({
      filter: 'eventType eq "user.session.start" and (actor.id eq "00u1" or target.id eq "00u1")',
    });
    expect(await logsQuery({ user_id: '00u1' })).toMatchObject({
      filter: 'actor.id eq "00u1" or target.id eq "00u1"',
    });
    expect(await logsQuery({ action: 'user_deleted' })).toMatchObject({
      filter: 'eventType eq "user.lifecycle.deactivate" or eventType eq "user.lifecycle.delete.initiated"',
    });
    expect(await logsQuery({ action: 'user_deleted', user_id: '00u1' })).toMatchObject({
      filter:
        '(eventType eq "user.lifecycle.deactivate" or eventType eq "user.lifecycle.delete.initiated") and (actor.id eq "00u1" or target.id eq "00u1")',
    });
    // `other`, and `login_failed` (any failed user.authentication.* outside the table), have no closed list of
    // event types: they are checked on the mapped records only.
    expect(await logsQuery({ action: 'other' })).not.toHaveProperty('filter');
    expect(await logsQuery({ action: 'login,login_failed' })).not.toHaveProperty('filter');
  });
});

describe('activities: one event by id', () => {
  const placeholders = async (id: string) => {
    const result = await okta
      .expression('/unified/user-directory/activities/get/id')
      ?.evaluate({}, { id, now: NOW });
    return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
  };
  it('reads any uuid-like id over the 90 days Okta keeps, and refuses one that could break the quoted filter', async () => {
    for (const id of ['dc9fd3c0-598c-11ef-8478-2b7584bf8d5a', 'evt_0001', 'u2']) {
      expect(await placeholders(id)).toEqual({ uuid: id, since: '2025-12-01T12:00:00.000Z', until: NOW });
    }
    for (const id of ['x" or eventType pr', 'a b', 'a\\b']) expect(await placeholders(id)).toBeUndefined();
  });
});

describe('mappings on records shaped as the reference documents them (§5, §8, §2)', () => {
  const mapUser = (record: unknown) => evaluate('/unified/user-directory/users/list/response', record);

  it('maps a user, leaving nulls out and the other profile attributes in custom_fields', async () => {
    expect(
      await mapUser({
        id: '00ub0oNGTSWTBKOLGLNR',
        status: 'DEPROVISIONED',
        created: '2013-06-24T16:39:18.000Z',
        activated: '2013-06-24T16:39:19.000Z',
        statusChanged: '2013-06-24T16:39:19.000Z',
        lastLogin: null,
        lastUpdated: '2013-07-02T21:36:25.344Z',
        passwordChanged: null,
        type: { id: 'oty1' },
        profile: {
          login: 'isaac.brock@example.com',
          email: 'isaac.brock@example.com',
          firstName: 'Isaac',
          lastName: 'Brock',
          mobilePhone: null,
          secondEmail: null,
          organization: 'Modest Mouse',
          employeeNumber: null,
        },
        credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
      }),
    ).toEqual({
      id: '00ub0oNGTSWTBKOLGLNR',
      username: 'isaac.brock@example.com',
      first_name: 'Isaac',
      last_name: 'Brock',
      name: 'Isaac Brock',
      emails: [{ email: 'isaac.brock@example.com', type: 'work', is_primary: true }],
      status: 'deleted',
      custom_fields: { organization: 'Modest Mouse' },
      created_at: '2013-06-24T16:39:18.000Z',
      updated_at: '2013-07-02T21:36:25.344Z',
    });
  });

  it('maps a System Log sign-in (§8 example) and a system actor', async () => {
    const mapEvent = (record: unknown) =>
      evaluate('/unified/user-directory/activities/list/response', record);
    expect(
      await mapEvent({
        uuid: 'dc9fd3c0-598c-11ef-8478-2b7584bf8d5a',
        published: '2024-08-13T15:58:20.353Z',
        eventType: 'user.session.start',
        displayMessage: 'User login to Okta',
        outcome: { result: 'SUCCESS' },
        actor: { id: '00u1', type: 'User', alternateId: 'ann@example.com', displayName: 'Ann Lee' },
        client: {
          userAgent: { rawUserAgent: 'Mozilla/5.0' },
          ipAddress: '203.0.113.9',
          geographicalContext: { city: 'Berlin', state: null, country: 'Germany' },
        },
        target: [{ id: '0oa1', type: 'AppInstance', displayName: 'Salesforce' }],
      }),
    ).toEqual({
      id: 'dc9fd3c0-598c-11ef-8478-2b7584bf8d5a',
      action: 'login',
      description: 'User login to Okta',
      actor: { type: 'user', id: '00u1', name: 'Ann Lee' },
      target: { type: 'app', id: '0oa1', name: 'Salesforce' },
      context: { ip_address: '203.0.113.9', user_agent: 'Mozilla/5.0', location: 'Berlin, Germany' },
      created_at: '2024-08-13T15:58:20.353Z',
    });
    expect(
      await mapEvent({
        uuid: 'u2',
        published: NOW,
        eventType: 'user.account.lock',
        outcome: { result: 'SUCCESS' },
        actor: { id: 'sys', type: 'SystemPrincipal', displayName: 'Okta System' },
        target: null,
      }),
    ).toEqual({
      id: 'u2',
      action: 'user_locked',
      actor: { type: 'system', id: 'sys', name: 'Okta System' },
      created_at: NOW,
    });
  });

  it('turns an Okta error body into code and message with its causes', async () => {
    const mapError = (body: unknown, status: number) => {
      const compiled = okta.expression('/unified/user-directory/users/create/error');
      return compiled?.evaluate(body, { status });
    };
    expect(
      await mapError(
        {
          errorCode: 'E0000001',
          errorSummary: 'Api validation failed: login',
          errorLink: 'E0000001',
          errorId: 'oaeXYZ',
          errorCauses: [
            { errorSummary: 'login: An object with this field already exists in the current organization' },
          ],
        },
        400,
      ),
    ).toEqual({
      code: 'E0000001',
      message:
        'Api validation failed: login (login: An object with this field already exists in the current organization)',
    });
    expect(await mapError('<html>Service Unavailable</html>', 503)).toEqual({
      code: '503',
      message: 'Okta answered HTTP 503',
    });
  });
});

/** The rows of the markdown table in the YAML comment that follows `heading`. */
function commentTable(heading: string): string[][] {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.includes(heading));
  const rows: string[][] = [];
  let header = true;
  for (const line of lines.slice(start + 1)) {
    const match = /^\s*#\s*(\|.*\|)\s*$/.exec(line);
    if (match === null) {
      if (!header) break;
      continue;
    }
    const cells = (match[1] ?? '')
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (header) header = false;
    else if (!cells[0]?.startsWith('---')) rows.push(cells);
  }
  return rows;
}

describe('the comment tables say what the definitions do', () => {
  it('§9.2 status table = $userStatuses', async () => {
    const statuses = JSON.parse(document.definitions['userStatuses'] ?? '{}') as Record<string, string>;
    const fromTable: Record<string, string> = {};
    for (const [okta, unified] of commentTable('§9.2 user status, read')) {
      for (const status of (okta ?? '').split(','))
        fromTable[status.trim()] = (unified ?? '').replaceAll('`', '');
    }
    expect(fromTable).toEqual(statuses);
  });

  it('§9.7 action table = $actionOf', async () => {
    const actionOf = (eventType: string, result: string) =>
      evaluate('/unified/user-directory/activities/list/response', {
        uuid: 'u',
        eventType,
        outcome: { result },
        published: NOW,
      });
    const rows = commentTable('§9.7 activities');
    expect(rows.length).toBeGreaterThan(15);
    for (const [event, action] of rows) {
      // Whole event types only: `user.authentication.*` is a wildcard, not a type.
      const types = [...(event ?? '').matchAll(/[a-z]+(?:\.[a-z_]+)+(?![\w.])/g)].map((m) => m[0]);
      const outcomes = /\(([^)]*)\)/
        .exec(event ?? '')?.[1]
        ?.split(/[,/]/)
        .map((o) => o.trim()) ?? ['SUCCESS'];
      const actions = (action ?? '').split('/').map((a) => a.trim());
      if (types.length === 0) continue; // the "anything else" row
      for (const type of types) {
        // "a / b" actions pair with "(SUCCESS / FAILURE, DENY)" outcomes; "x.a / .b" rows pair event types.
        const first = await actionOf(type, outcomes[0] ?? 'SUCCESS');
        expect(actions, `${type}`).toContain((first as { action: string }).action);
      }
    }
    expect(await actionOf('policy.evaluate_sign_on', 'ALLOW')).toMatchObject({ action: 'other' });
    expect(await actionOf('user.session.start', 'DENY')).toMatchObject({ action: 'login_failed' });
    expect(await actionOf('user.authentication.sso', 'FAILURE')).toMatchObject({
      action: 'app_login_failed',
    });
    // §9.7: a failed user.authentication.* without its own row is a failed login; the rows that are there keep
    // exactly their outcomes (auth_via_mfa: FAILURE only).
    expect(await actionOf('user.authentication.authenticate', 'FAILURE')).toMatchObject({
      action: 'login_failed',
    });
    expect(await actionOf('user.authentication.authenticate', 'SUCCESS')).toMatchObject({ action: 'other' });
    expect(await actionOf('user.authentication.auth_via_mfa', 'DENY')).toMatchObject({ action: 'other' });
    expect(await actionOf('user.authentication.sso', 'SKIPPED')).toMatchObject({ action: 'other' });
  });
});
