/**
 * @module Test-only: the made-up "Acme Directory" API of `test/fixtures/acme-directory.yaml`, served by nock at
 * the network edge. Data lives in memory; `before` lets a test answer a request itself (faults, loops, foreign
 * links); every request is logged.
 */
import nock from 'nock';

export const ACME_ORIGIN = 'https://t1.acme-dir.test';
export const ACME_CONNECTION = {
  tenant: 't1',
  client_id: 'acme-client',
  client_secret: 'acme-secret-value-123',
};

export interface Person {
  id: number | string;
  display_name?: string;
  email?: string;
  state?: string;
  kind?: string;
  updated_at?: string;
}
export interface Team {
  id: number;
  name: string;
  archived?: boolean;
  subteams?: { id: number; name: string }[];
}
export interface Role {
  id: number;
  name: string;
}
export interface Event {
  id: number;
  type: string;
  at: string;
}
export interface AuditEntry {
  id: number;
  actor: number;
  at: string;
}

/** An entry of the login log or the change log (both answered newest first). */
export interface LogEntry {
  id: number;
  at: string;
  ok?: boolean;
}

export interface AcmeData {
  people: Person[];
  teams: Team[];
  roles: Role[];
  /** Role id → member user ids. */
  members: Record<number, number[]>;
  events: Event[];
  audit: AuditEntry[];
  logins: LogEntry[];
  changes: LogEntry[];
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
}

export type Reply = [status: number, body?: unknown, headers?: Record<string, string>];

export interface AcmeUpstream {
  data: AcmeData;
  requests: LoggedRequest[];
  /** Answer a request before the simulator does (return undefined to let it answer). */
  before?: (request: LoggedRequest) => Reply | undefined | Promise<Reply | undefined>;
  /** Access tokens issued so far (`tok-1`, …). */
  tokensIssued(): number;
  /** Every token issued so far stops working (the upstream answers 401 until a new one is fetched). */
  expireTokens(): void;
  /** Most member-list requests in flight at once. */
  maxMembersInFlight(): number;
  /** Most per-person team requests in flight at once. */
  maxTeamsInFlight(): number;
  /** Requests to a path (without query). */
  calls(path: string | RegExp, method?: string): LoggedRequest[];
  /** Every token request, as received. */
  tokenRequests: TokenRequestSeen[];
}

export interface TokenRequestSeen {
  origin: string;
  path: string;
  headers: Record<string, string>;
  /** The form (or JSON) body as fields. */
  fields: Record<string, string>;
}

export interface AcmeUpstreamOptions {
  /** Where the API answers (default `ACME_ORIGIN`). */
  origin?: string;
  /** Where the token endpoint answers (default: the API's origin and `/oauth/token`); `accept` may refuse. */
  token?: {
    origin?: string;
    path?: string;
    accept?: (request: TokenRequestSeen) => boolean | Promise<boolean>;
  };
  /** The origin absolute next links name (default: `origin`): behind a redirect, the declared one. */
  linkOrigin?: string;
}

export function people(count: number, start = 1): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    id: start + i,
    display_name: `Person ${start + i}`,
    email: `p${start + i}@acme.test`,
    state: (start + i) % 5 === 0 ? 'disabled' : 'active',
    updated_at: `2026-01-${String(((start + i) % 28) + 1).padStart(2, '0')}T00:00:00Z`,
  }));
}

export function defaultData(): AcmeData {
  return {
    people: people(23),
    teams: Array.from({ length: 9 }, (_, i) => ({
      id: i + 1,
      name: `Team ${i + 1}`,
      ...(i === 2
        ? {
            subteams: [
              { id: 31, name: 'Team 3a' },
              { id: 32, name: 'Team 3b' },
            ],
          }
        : {}),
      ...(i === 5 ? { archived: true } : {}),
    })),
    roles: Array.from({ length: 8 }, (_, i) => ({ id: 100 + i, name: `Role ${i}` })),
    members: Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [100 + i, Array.from({ length: i % 4 }, (_, k) => k + 1 + i)]),
    ),
    events: Array.from({ length: 14 }, (_, i) => ({
      id: 500 + i,
      type: i % 3 === 0 ? 'login' : 'logout',
      at: `2026-02-01T00:00:${String(i).padStart(2, '0')}Z`,
    })),
    audit: Array.from({ length: 7 }, (_, i) => ({
      id: 900 + i,
      actor: (i % 2) + 1,
      at: '2026-03-01T00:00:00Z',
    })),
    // Interleaved in time, some instants shared by both logs (minutes 0, 6, 12, 18); stored newest first.
    logins: Array.from({ length: 11 }, (_, i) => ({
      id: 700 + i,
      at: minute(i * 2),
      ok: i % 4 !== 3,
    })).reverse(),
    changes: Array.from({ length: 7 }, (_, i) => ({ id: 800 + i, at: minute(i * 3) })).reverse(),
  };
}

function minute(m: number): string {
  return `2026-04-01T10:${String(m).padStart(2, '0')}:00Z`;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => [
  status,
  body,
  headers,
];

export function acmeUpstream(
  data: AcmeData = defaultData(),
  options: AcmeUpstreamOptions = {},
): AcmeUpstream {
  const origin = options.origin ?? ACME_ORIGIN;
  const linkOrigin = options.linkOrigin ?? origin;
  let tokens = 0;
  const valid = new Set<string>();
  let inFlight = 0;
  let maxInFlight = 0;
  let teamsInFlight = 0;
  let maxTeams = 0;
  const upstream: AcmeUpstream = {
    data,
    requests: [],
    tokensIssued: () => tokens,
    expireTokens: () => valid.clear(),
    maxMembersInFlight: () => maxInFlight,
    maxTeamsInFlight: () => maxTeams,
    tokenRequests: [],
    calls: (path, method) =>
      upstream.requests.filter(
        (r) =>
          (typeof path === 'string' ? r.path === path : path.test(r.path)) &&
          (!method || r.method === method),
      ),
  };

  const tokenOrigin = options.token?.origin ?? origin;
  nock(tokenOrigin)
    .persist()
    .post(options.token?.path ?? '/oauth/token')
    .reply(async (request: Request) => {
      const text = await request.text();
      const seen: TokenRequestSeen = {
        origin: tokenOrigin,
        path: new URL(request.url).pathname,
        headers: Object.fromEntries(request.headers.entries()),
        fields: text.startsWith('{')
          ? (JSON.parse(text) as Record<string, string>)
          : Object.fromEntries(new URLSearchParams(text)),
      };
      upstream.tokenRequests.push(seen);
      if (options.token?.accept && !(await options.token.accept(seen)))
        return [
          401,
          JSON.stringify({ error: 'invalid_client', error_description: 'client assertion refused' }),
          { 'content-type': 'application/json' },
        ];
      tokens++;
      valid.add(`tok-${tokens}`);
      return [
        200,
        JSON.stringify({ access_token: `tok-${tokens}`, expires_in: 3600 }),
        { 'content-type': 'application/json' },
      ];
    });

  const handle = async (request: Request) => {
    const url = new URL(request.url);
    const query: Record<string, string | string[]> = {};
    for (const name of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(name);
      query[name] = all.length === 1 ? (all[0] as string) : all;
    }
    const headers = Object.fromEntries(request.headers.entries());
    const text = await request.text();
    const logged: LoggedRequest = {
      method: request.method,
      path: url.pathname,
      query,
      headers,
      body: text === '' ? undefined : JSON.parse(text),
    };
    upstream.requests.push(logged);
    const token = (headers['authorization'] ?? '').replace(/^Bearer /, '');
    if (!valid.has(token)) return json(401, { error: { code: 'unauthorized', message: 'token expired' } });
    const injected = await upstream.before?.(logged);
    if (injected) return injected;
    if (/^\/v1\/roles\/\d+\/members$/.test(url.pathname)) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Let other requests start while this one is "in flight".
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
    }
    if (/^\/v1\/people\/[^/]+\/teams$/.test(url.pathname)) {
      teamsInFlight++;
      maxTeams = Math.max(maxTeams, teamsInFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      teamsInFlight--;
    }
    return route(data, logged, url, linkOrigin);
  };

  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
    nock(origin)
      .persist()
      .intercept(/^\/v1\//, method)
      .reply(async (request: Request) => {
        const [status, body, replyHeaders] = await handle(request);
        return [
          status,
          typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body),
          {
            'content-type': 'application/json',
            ...replyHeaders,
          },
        ];
      });
  }
  return upstream;
}

function int(value: string | string[] | undefined, fallback: number): number {
  return typeof value === 'string' ? Number.parseInt(value, 10) : fallback;
}

function route(data: AcmeData, request: LoggedRequest, url: URL, linkOrigin: string): Reply {
  const { method, path, query } = request;
  const q = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  const idIn = (pattern: RegExp) => path.match(pattern)?.[1];

  if (method === 'GET' && path === '/v1/me') return json(200, { ok: true });

  if (method === 'GET' && path === '/v1/people') {
    const limit = int(query['limit'], 50);
    const offset = q('cursor') ? Number(Buffer.from(q('cursor') as string, 'base64url').toString()) : 0;
    const matching = data.people.filter(
      (p) => (!q('email') || p.email === q('email')) && (!q('state') || p.state === q('state')),
    );
    const page = matching.slice(offset, offset + limit);
    const more = offset + limit < matching.length;
    return json(
      200,
      page,
      more ? { 'x-next-cursor': Buffer.from(String(offset + limit)).toString('base64url') } : {},
    );
  }
  const personId = idIn(/^\/v1\/people\/([^/]+)$/);
  if (personId !== undefined) {
    const index = data.people.findIndex((p) => String(p.id) === personId);
    if (index < 0) return json(404, { error: { code: 'not_found', message: `no person ${personId}` } });
    const person = data.people[index] as Person;
    if (method === 'GET') return json(200, { data: person });
    if (method === 'PATCH') {
      Object.assign(person, request.body);
      return json(200, { data: person });
    }
    if (method === 'DELETE') {
      data.people.splice(index, 1);
      return [204];
    }
  }
  if (method === 'POST' && path === '/v1/people') {
    const body = request.body as Person;
    if (data.people.some((p) => p.email === body.email)) {
      return json(409, { error: { code: 'email_taken', message: `${body.email} is already used` } });
    }
    const person = { ...body, id: 1000 + data.people.length };
    data.people.push(person);
    return json(201, person);
  }
  const transition = path.match(/^\/v1\/people\/([^/]+)\/state\/([^/]+)$/);
  if (method === 'POST' && transition) {
    const person = data.people.find((p) => String(p.id) === transition[1]);
    if (!person) return json(404, { error: { code: 'not_found', message: 'no such person' } });
    const from = { unlock: 'locked', enable: 'disabled' }[transition[2] as string];
    if (from === undefined || person.state !== from) {
      return json(409, {
        error: { code: 'bad_transition', message: `cannot ${transition[2]} a ${person.state} person` },
      });
    }
    person.state = 'active';
    return json(200, { state: 'active' });
  }
  const teamsOf = idIn(/^\/v1\/people\/([^/]+)\/teams$/);
  if (method === 'GET' && teamsOf !== undefined) {
    const perPage = int(query['per_page'], 10);
    const page = int(query['page'], 1);
    const mine = data.teams.filter((t) => (Number(teamsOf) + t.id) % 4 === 0);
    const items = mine.slice((page - 1) * perPage, page * perPage);
    return json(200, { items }, { 'x-total-pages': String(Math.max(1, Math.ceil(mine.length / perPage))) });
  }
  const managerOf = idIn(/^\/v1\/people\/([^/]+)\/manager$/);
  if (method === 'GET' && managerOf !== undefined) {
    const boss = managerOf === '1' ? null : data.people.find((p) => String(p.id) === '1');
    return json(200, { manager: boss ? { id: boss.id, display_name: boss.display_name } : null });
  }
  const lockId = idIn(/^\/v1\/people\/([^/]+)\/lock$/);
  if (method === 'POST' && lockId !== undefined) {
    const person = data.people.find((p) => String(p.id) === lockId);
    if (!person) return json(404, { error: { code: 'not_found', message: 'no such person' } });
    person.state = 'locked';
    return json(200, { locked: true });
  }

  if (method === 'GET' && path === '/v1/teams') {
    const perPage = int(query['per_page'], 10);
    const page = int(query['page'], 1);
    const items = data.teams.slice((page - 1) * perPage, page * perPage);
    return json(200, { items }, { 'x-total-pages': String(Math.ceil(data.teams.length / perPage)) });
  }

  if (method === 'GET' && path === '/v1/roles') {
    const limit = int(query['limit'], 10);
    const offset = int(query['offset'], 0);
    return json(200, { total: data.roles.length, results: data.roles.slice(offset, offset + limit) });
  }
  const roleId = idIn(/^\/v1\/roles\/(\d+)$/);
  if (method === 'GET' && roleId !== undefined) {
    const role = data.roles.find((r) => String(r.id) === roleId);
    return role ? json(200, role) : json(404, { error: { code: 'not_found', message: 'no such role' } });
  }
  const membership = path.match(/^\/v1\/roles\/(\d+)\/members\/([^/]+)$/);
  if (method === 'DELETE' && membership) {
    const members = data.members[Number(membership[1])] ?? [];
    const at = members.indexOf(Number(membership[2]));
    if (at < 0) return json(404, { error: { code: 'not_found', message: 'not a member' } });
    members.splice(at, 1);
    return [204];
  }
  const memberRoleId = idIn(/^\/v1\/roles\/(\d+)\/members$/);
  if (method === 'GET' && memberRoleId !== undefined) {
    const members = data.members[Number(memberRoleId)] ?? [];
    const max = int(query['max'], 10);
    const from = int(query['page_token'], 0);
    const next = from + max < members.length ? String(from + max) : null;
    return json(200, {
      members: members.slice(from, from + max).map((id) => ({ user_id: id })),
      next_token: next,
    });
  }

  if (method === 'GET' && path === '/v1/events') {
    const size = int(query['size'], 10);
    const after = int(query['after'], 0);
    const matching = data.events.filter((e) => !q('type') || e.type === q('type'));
    const page = matching.filter((e) => e.id > after).slice(0, size);
    const last = page.at(-1);
    const more = last !== undefined && matching.some((e) => e.id > last.id);
    const next = new URLSearchParams(url.searchParams);
    if (last) next.set('after', String(last.id));
    return json(
      200,
      page,
      more ? { link: `</v1/events?${next}>; rel="next", </v1/events>; rel="first"` } : {},
    );
  }

  if (method === 'GET' && path === '/v1/logins') {
    const count = int(query['count'], 10);
    const after = int(query['after'], 0);
    const matching = data.logins.filter((e) => !q('since') || e.at >= (q('since') as string));
    const items = matching.slice(after, after + count);
    return json(200, { items, next: after + count < matching.length ? String(after + count) : null });
  }
  if (method === 'GET' && path === '/v1/changes') {
    const limit = int(query['limit'], 10);
    const offset = int(query['offset'], 0);
    const matching = data.changes.filter((e) => !q('since') || e.at >= (q('since') as string));
    return json(200, { items: matching.slice(offset, offset + limit) });
  }

  if (method === 'GET' && path === '/v1/audit') {
    const from = int(query['from'], 0);
    const matching = data.audit.filter((e) => !q('actor') || String(e.actor) === q('actor'));
    const entries = matching.slice(from, from + 2);
    const next =
      from + 2 < matching.length
        ? `${linkOrigin}/v1/audit?from=${from + 2}${q('actor') ? `&actor=${q('actor')}` : ''}`
        : null;
    return json(200, { entries, links: { next } });
  }

  return json(404, { error: { code: 'no_route', message: `${method} ${path}` } });
}
