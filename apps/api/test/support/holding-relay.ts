/**
 * @module A relay in front of the simulator that can hold the requests of chosen paths until released: the way
 * to have a token request in flight at a known moment, without timers.
 */
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingRelay {
  url: string;
  /** Holds the next request whose path starts with `prefix` until `release()`. */
  hold(prefix: string): void;
  /** Resolves once a held request has arrived. */
  held(): Promise<void>;
  release(): void;
  close(): Promise<void>;
}

export async function startHoldingRelay(target: string): Promise<HoldingRelay> {
  let prefix: string | undefined;
  let waiting: (() => void)[] = [];
  let arrived: () => void = () => {};
  let arrival = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const server: Server = createServer((incoming, outgoing) => {
    const send = () => {
      const upstream = forward(
        new URL(incoming.url ?? '/', target),
        { method: incoming.method, headers: incoming.headers },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.on('error', () => outgoing.destroy());
      incoming.pipe(upstream);
    };
    if (prefix !== undefined && incoming.url?.startsWith(prefix)) {
      prefix = undefined;
      waiting.push(send);
      arrived();
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold(path) {
      prefix = path;
      arrival = new Promise<void>((resolve) => {
        arrived = resolve;
      });
    },
    held: () => arrival,
    release() {
      prefix = undefined;
      const queued = waiting;
      waiting = [];
      for (const send of queued) send();
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
