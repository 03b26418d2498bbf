import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { describeEachDatabase, postgresUrl, testKey } from '../test/databases.js';
import { DatabaseUrlInvalid, EncryptionKeyInvalid, StoreUnavailable } from './errors.js';
import { openStore } from './open-store.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-open-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describeEachDatabase('openStore', (kind) => {
  it('answers ping, and closes idempotently; a closed store is unavailable', async () => {
    const database = await kind.fresh();
    const store = await database.open();
    expect(store.dialect).toBe(kind.name);
    await store.ping();

    await store.close();
    await store.close();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.environments.get('env_x')).rejects.toBeInstanceOf(StoreUnavailable);
  });
});

describe('openStore with SQLite', () => {
  it('creates the parent directories and a WAL-mode database file readable only by its owner', async () => {
    const path = join(tempDir(), 'a', 'b', 'switchboard.db');
    const store = await openStore({ url: `sqlite:${path}`, encryptionKey: testKey });
    await store.close();

    expect(statSync(path).mode & 0o777).toBe(0o600);
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('works in memory', async () => {
    const store = await openStore({ url: 'sqlite::memory:', encryptionKey: testKey });
    try {
      const env = await store.environments.create('acme');
      expect(await store.environments.get(env.id)).toEqual(env);
    } finally {
      await store.close();
    }
  });

  it('reports a path that cannot hold a database as StoreUnavailable, with the cause', async () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'not a directory');
    const error = await failure(
      openStore({ url: `sqlite:${join(blocker, 'switchboard.db')}`, encryptionKey: testKey }),
    );

    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('refuses an encryption key that is not 32 bytes and a URL it does not understand', async () => {
    await expect(
      openStore({ url: 'sqlite::memory:', encryptionKey: randomBytes(31) }),
    ).rejects.toBeInstanceOf(EncryptionKeyInvalid);
    await expect(openStore({ url: 'mysql://x', encryptionKey: testKey })).rejects.toBeInstanceOf(
      DatabaseUrlInvalid,
    );
  });
});

/** A TCP relay in front of Postgres that can be cut and restored, to stage an outage. */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<void> {
    const upstream = new URL(postgresUrl);
    this.server = createServer((client) => {
      const server = tcpConnect(Number(upstream.port || 5432), upstream.hostname);
      for (const socket of [client, server]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(server).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describeEachDatabase('openStore against an unreachable database', (kind) => {
  it.runIf(kind.name === 'postgres')('fails with StoreUnavailable and never shows the password', async () => {
    const relay = new Relay();
    await relay.start();
    await relay.cut(); // a port nobody listens on any more
    const url = `postgres://postgres:hunter2-secret@127.0.0.1:${relay.port}/test`;

    const error = await failure(openStore({ url, encryptionKey: testKey }));

    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as Error).cause).toBeDefined();
    expect((error as Error).message).toContain(`127.0.0.1:${relay.port}`);
    expect(
      JSON.stringify({
        message: (error as Error).message,
        details: (error as InstanceType<typeof StoreUnavailable>).details,
      }),
    ).not.toContain('hunter2');
  });

  it.runIf(kind.name === 'postgres')(
    'answers StoreUnavailable during an outage and recovers by itself',
    async () => {
      const database = await kind.fresh();
      const relay = new Relay();
      await relay.start();
      const url = new URL(database.url);
      url.host = `127.0.0.1:${relay.port}`;
      const store = await openStore({ url: url.toString(), encryptionKey: testKey });
      try {
        const env = await store.environments.create('acme');

        await relay.cut();
        await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailable);
        await expect(store.environments.get(env.id)).rejects.toBeInstanceOf(StoreUnavailable);

        await relay.start();
        await store.ping();
        expect(await store.environments.get(env.id)).toEqual(env);
      } finally {
        await store.close();
        await relay.cut();
      }
    },
  );
});
