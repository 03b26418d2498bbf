import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from './fixture.js';
import { REPLAY_ORIGIN, type Replay, startReplay } from './replay.js';

const exchanges: Exchange[] = [
  {
    request: { method: 'GET', path: '/api/2/users', query: { limit: '100' } },
    response: { status: 200, headers: { 'after-cursor': 'abc' }, body: [{ id: 1 }] },
  },
  {
    request: { method: 'POST', path: '/api/2/roles/7/users', query: {}, body: [1, 2] },
    response: { status: 200, headers: {}, body: [{ id: 1 }, { id: 2 }] },
  },
];

let replay: Replay | undefined;
afterEach(() => replay?.done());

describe('startReplay', () => {
  it('answers recorded requests with their recorded responses, once each', async () => {
    replay = startReplay(exchanges);
    const res = await fetch(`${REPLAY_ORIGIN}/api/2/users?limit=100`);
    expect(res.status).toBe(200);
    expect(res.headers.get('after-cursor')).toBe('abc');
    expect(await res.json()).toEqual([{ id: 1 }]);
    const post = await fetch(`${REPLAY_ORIGIN}/api/2/roles/7/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1,2]',
    });
    expect(post.status).toBe(200);
    expect(replay.unexpected).toEqual([]);
    expect(replay.unused()).toEqual([]);
  });

  it('reports an unexpected request with the closest recorded one, and the unused ones', async () => {
    replay = startReplay(exchanges);
    const res = await fetch(`${REPLAY_ORIGIN}/api/2/users?limit=50`);
    expect(res.status).toBe(412);
    expect(replay.unexpected).toHaveLength(1);
    expect(replay.unexpected[0]).toContain('GET /api/2/users?limit=50');
    expect(replay.unexpected[0]).toContain('closest recorded: GET /api/2/users?limit=100');
    expect(replay.unused().map((r) => r.path)).toEqual(['/api/2/users', '/api/2/roles/7/users']);
  });

  it('matches bodies strictly', async () => {
    replay = startReplay(exchanges);
    const res = await fetch(`${REPLAY_ORIGIN}/api/2/roles/7/users`, { method: 'POST', body: '[2,1]' });
    expect(res.status).toBe(412);
    expect(replay.unexpected[0]).toContain('POST /api/2/roles/7/users [2,1]');
  });
});

describe('startReplay with scrubbed secrets', () => {
  const scrubbed: Exchange[] = [
    {
      request: {
        method: 'POST',
        path: '/users',
        query: {},
        body: { login: 'a@b.c', credentials: { password: { value: '<scrubbed:password>' } } },
      },
      response: { status: 201, headers: {}, body: { id: '1' } },
    },
  ];

  it('matches any value where the recording holds a placeholder', async () => {
    replay = startReplay(scrubbed);
    const res = await fetch(`${REPLAY_ORIGIN}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'a@b.c', credentials: { password: { value: 'anything' } } }),
    });
    expect(res.status).toBe(201);
    expect(replay.unused()).toEqual([]);
  });

  it('never prints a secret in a mismatch report', async () => {
    replay = startReplay(scrubbed);
    const res = await fetch(`${REPLAY_ORIGIN}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'x@y.z', password: 'Hunter2-secret', client_secret: 'cs-123456' }),
    });
    expect(res.status).toBe(412);
    expect(replay.unexpected[0]).toContain('<scrubbed:password>');
    expect(replay.unexpected[0]).not.toContain('Hunter2-secret');
    expect(replay.unexpected[0]).not.toContain('cs-123456');
  });
});
