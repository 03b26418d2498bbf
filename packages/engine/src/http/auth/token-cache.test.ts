/**
 * Token stores with a process-local copy in front of a shared one (`getShared`), as `@switchboard/store`'s cached
 * store is: two runtimes stand in for two replicas sharing one store and one refresh lock. Local copies never
 * expire here, so that only a 401 can reveal they are stale.
 */
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CompiledIntegration } from '../../config/compiled-integration.js';
import { createHttpRuntime } from '../create-http-runtime.js';
import type { HttpRuntime } from '../http-runtime.js';
import { type FakeTime, fakeTime } from '../testing/fake-time.js';
import { account, baseDefinition, ORIGIN, testIntegration } from '../testing/test-integration.js';
import type { RefreshLock, TokenSet, TokenStore } from '../token-store.js';
import { MemoryTokenStore } from './memory-token-store.js';

const TOKEN_PATH = '/auth/oauth2/v2/token';
const KEY = 'acme:acct-1';

/** One replica's view: its own copies, read-through and write-through to the shared store. */
class LocallyCachedStore implements TokenStore {
  readonly local = new Map<string, TokenSet>();
  constructor(readonly shared: TokenStore) {}
  async get(key: string) {
    return this.local.get(key) ?? this.getShared(key);
  }
  async getShared(key: string) {
    const token = await this.shared.get(key);
    if (token === undefined) this.local.delete(key);
    else this.local.set(key, token);
    return token;
  }
  async set(key: string, token: TokenSet) {
    await this.shared.set(key, token);
    this.local.set(key, token);
  }
  async delete(key: string) {
    await this.shared.delete(key);
    this.local.delete(key);
  }
}

/** A process-wide mutex per key, as the Redis lock is across processes. */
function mutex(): RefreshLock & { acquisitions: number } {
  const tails = new Map<string, Promise<unknown>>();
  const lock = {
    acquisitions: 0,
    async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const run = previous.then(() => {
        lock.acquisitions++;
        return fn();
      });
      tails.set(
        key,
        run.catch(() => undefined),
      );
      return run;
    },
  };
  return lock;
}

let time: FakeTime;
let integration: CompiledIntegration;
let shared: MemoryTokenStore;
let lock: ReturnType<typeof mutex>;
let stores: LocallyCachedStore[];
let replicas: HttpRuntime[];

// Loading compiles the integration schema and every JSONata expression: seconds on a loaded machine, once, here
// rather than inside the first test's time limit (and never once per call).
beforeAll(() => {
  integration = testIntegration();
}, 60_000);

beforeEach(() => {
  nock.disableNetConnect();
  time = fakeTime();
  shared = new MemoryTokenStore();
  lock = mutex();
  stores = [new LocallyCachedStore(shared), new LocallyCachedStore(shared)];
  replicas = stores.map((tokenStore) =>
    createHttpRuntime({ clock: time.clock, sleep: time.sleep, tokenStore, refreshLock: lock }),
  );
});
afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await Promise.all(replicas.map((replica) => replica.close()));
});

/** Answers token requests with tok-1, tok-2, …; returns how many were made. */
function tokenEndpoint() {
  let count = 0;
  nock(ORIGIN)
    .post(TOKEN_PATH)
    .times(100)
    .reply(200, () => {
      count++;
      return { access_token: `tok-${count}`, expires_in: 3600 };
    });
  return () => count;
}

/** `GET /x` accepts only `valid` (a function, so a test can move it on), answering 401 to anything else. */
function upstreamAccepting(valid: () => string) {
  const seen: string[] = [];
  nock(ORIGIN)
    .get('/x')
    .times(100)
    .reply((request: Request) => {
      const used = String(request.headers.get('authorization'));
      seen.push(used);
      return used === `Bearer ${valid()}` ? [200, { ok: true }] : [401, { message: 'Unauthorized' }];
    });
  return seen;
}

const call = (replica: HttpRuntime) =>
  replica.session(integration, account()).send({ method: 'GET', path: '/x' });

describe('a token store with local copies', () => {
  it('reads the shared copy after a 401 and uses the token another replica already obtained', async () => {
    let valid = 'tok-1';
    const seen = upstreamAccepting(() => valid);
    const tokens = tokenEndpoint();
    const [a, b] = replicas as [HttpRuntime, HttpRuntime];
    await call(a);
    await call(b);
    expect(tokens()).toBe(1);

    // The upstream retires tok-1; replica b notices first and refreshes.
    valid = 'tok-2';
    await call(b);
    expect(tokens()).toBe(2);
    expect(stores[0]?.local.get(KEY)?.access_token).toBe('tok-1');

    // Replica a's local tok-1 earns a 401; it then finds tok-2 in the shared store: no new token request.
    seen.length = 0;
    await expect(call(a)).resolves.toMatchObject({ status: 200 });
    expect(tokens()).toBe(2);
    expect(seen).toEqual(['Bearer tok-1', 'Bearer tok-2']);
    expect(stores[0]?.local.get(KEY)?.access_token).toBe('tok-2');
  });

  it('refreshes once for both replicas when the token both hold locally is refused everywhere', async () => {
    let valid = 'tok-1';
    upstreamAccepting(() => valid);
    const tokens = tokenEndpoint();
    await Promise.all(replicas.map(call));
    expect(tokens()).toBe(1);

    valid = 'tok-2';
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call(replicas[i % 2] as HttpRuntime)),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(tokens()).toBe(2);
    // Each replica re-checked under the lock; only the first asked the upstream.
    expect(lock.acquisitions).toBeGreaterThanOrEqual(2);
  });

  it('revokes the shared token, not a stale local copy', async () => {
    await shared.set(KEY, { access_token: 'tok-shared' });
    stores[0]?.local.set(KEY, { access_token: 'tok-stale' });
    const revoked: unknown[] = [];
    nock(ORIGIN)
      .post('/auth/oauth2/revoke', (body: unknown) => {
        revoked.push(body);
        return true;
      })
      .reply(200, {});
    const revoking = testIntegration({
      auth: {
        ...(baseDefinition()['auth'] as Record<string, unknown>),
        revoke: { method: 'POST', path: '/auth/oauth2/revoke', body: { token: '{{ token.access_token }}' } },
      },
    });
    await (replicas[0] as HttpRuntime).revoke(revoking, account());
    expect(revoked).toEqual([{ token: 'tok-shared' }]);
    expect(await shared.get(KEY)).toBeUndefined();
    expect(stores[0]?.local.has(KEY)).toBe(false);
  });
});
