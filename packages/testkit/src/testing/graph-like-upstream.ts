/**
 * @module Test support: a small live upstream in the style of Microsoft Graph — absolute `@odata.nextLink` pages
 * under a base path, an API key, a password on create, epoch-second rate-limit reset headers — and the
 * integration file that reads it. Recording runs against it over real HTTP, as against a sandbox.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const API_KEY = 'key-live-0123456789';
export const PASSWORD = 'Pw-conformance-r1-Aa1!';

export const GRAPHISH_YAML = `schema_version: 1
name: graphish
label: Graphish
connection:
  api_key:
    type: string
    label: API key
    secret: true
base_url: https://graph.example.test/v1.0
auth:
  type: api_key
  in: header
  name: x-api-key
  value: "{{ connection.api_key }}"
rate_limit:
  headers:
    limit: x-rate-limit-limit
    remaining: x-rate-limit-remaining
    reset: x-rate-limit-reset
    reset_format: epoch_seconds
retry:
  max_attempts: 3
  on_status: ["429", "5XX"]
pagination:
  next_link:
    type: link
    next:
      type: body
      path: '\`@odata.nextLink\`'
    page_size:
      in: query
      name: $top
      value: 2
resources:
  users:
    list:
      method: GET
      path: /users
      pagination: next_link
      records: value
    get:
      method: GET
      path: /users/{{ id }}
    create:
      method: POST
      path: /users
    delete:
      method: DELETE
      path: /users/{{ id }}
unified:
  user-directory:
    users:
      list:
        resource: users
        query: '{ "since": $now }'
        response: '{ "id": id, "username": userPrincipalName, "status": "active" }'
      get:
        resource: users
        response: '{ "id": id, "username": userPrincipalName, "status": "active" }'
      create:
        resource: users
        body: '{ "userPrincipalName": username, "passwordProfile": { "password": password } }'
        response: '{ "id": id, "username": userPrincipalName, "status": "active" }'
      delete:
        resource: users
        response: '{ "id": $id }'
`;

/** The same integration with another static auth scheme (the upstream accepts the key under each). */
export function graphishWithAuth(scheme: 'api_key' | 'bearer' | 'basic'): string {
  const auth = {
    api_key: 'auth:\n  type: api_key\n  in: header\n  name: x-api-key\n  value: "{{ connection.api_key }}"\n',
    bearer: 'auth:\n  type: bearer\n  token: "{{ connection.api_key }}"\n',
    basic: 'auth:\n  type: basic\n  username: conformance\n  password: "{{ connection.api_key }}"\n',
  }[scheme];
  return GRAPHISH_YAML.replace(/auth:\n( {2}.*\n)+/, auth);
}

export interface GraphishUpstream {
  /** Base URL including the `/v1.0` base path. */
  url: string;
  /** Every `since` query value the upstream received. */
  since: string[];
  /** Make `POST /users` answer 400 from now on. */
  refuseCreates(): void;
  close(): Promise<void>;
}

export async function startGraphishUpstream(): Promise<GraphishUpstream> {
  const users = new Map<string, { id: string; userPrincipalName: string }>();
  for (let i = 1; i <= 5; i++)
    users.set(String(i), { id: String(i), userPrincipalName: `user${i}@example.test` });
  let next = 6;
  let refuse = false;
  const since: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const send = (status: number, body?: unknown) => {
        res.writeHead(status, {
          'content-type': 'application/json',
          'request-id': `req-${Math.random()}`,
          'x-rate-limit-limit': '1000',
          'x-rate-limit-remaining': '999',
          // An absolute reset a minute and a half ahead of the real clock.
          'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + 90),
        });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      const authorization = req.headers.authorization ?? '';
      const authorised =
        req.headers['x-api-key'] === API_KEY ||
        authorization === `Bearer ${API_KEY}` ||
        authorization === `Basic ${Buffer.from(`conformance:${API_KEY}`).toString('base64')}`;
      if (!authorised) return send(401, { error: { code: 'InvalidAuthenticationToken' } });
      const path = url.pathname.replace(/^\/v1\.0/, '');
      if (req.method === 'GET' && path === '/users') {
        since.push(url.searchParams.get('since') ?? '');
        const top = Number(url.searchParams.get('$top') ?? 100);
        const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
        const all = [...users.values()];
        const value = all.slice(skip, skip + top);
        const more = skip + top < all.length;
        return send(200, {
          value,
          ...(more ? { '@odata.nextLink': `${base}/v1.0/users?$top=${top}&$skiptoken=${skip + top}` } : {}),
        });
      }
      const one = /^\/users\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && one) {
        const user = users.get(one[1] as string);
        return user ? send(200, user) : send(404, { error: { code: 'Request_ResourceNotFound' } });
      }
      if (req.method === 'POST' && path === '/users') {
        const body = JSON.parse(text) as {
          userPrincipalName: string;
          passwordProfile?: { password?: string };
        };
        if (refuse || !body.passwordProfile?.password)
          return send(400, { error: { code: 'Request_BadRequest' } });
        if ([...users.values()].some((u) => u.userPrincipalName === body.userPrincipalName))
          return send(400, { error: { code: 'Request_BadRequest', message: 'already exists' } });
        const user = { id: String(next++), userPrincipalName: body.userPrincipalName };
        users.set(user.id, user);
        return send(201, user);
      }
      if (req.method === 'DELETE' && one) {
        users.delete(one[1] as string);
        return send(204);
      }
      return send(404, { error: { code: 'NotFound' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/v1.0`,
    since,
    refuseCreates: () => {
      refuse = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
