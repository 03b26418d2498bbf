/**
 * @module Test helper: a real HTTP server on port 0 that records what the SDK sent and answers what a test
 * scripts. The SDK is exercised through real sockets, so headers and URL encoding are checked as sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as they arrived, e.g. `/unified/user-directory/users?updated_at[gte]=…`. */
  url: string;
  pathname: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  /** Drop the connection without answering (a network failure, as the client sees it). */
  hangUp?: boolean;
}

export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface LocalServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url,
        pathname: url.split('?')[0] ?? url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, requests.length - 1)).then(
        (reply) => respond(res, reply),
        (error: unknown) => respond(res, { status: 599, body: { test_handler_error: String(error) } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function respond(res: ServerResponse, reply: Reply): void {
  if (reply.hangUp) {
    res.socket?.destroy();
    return;
  }
  const isText = typeof reply.body === 'string';
  const headers: Record<string, string> = {
    ...(reply.body !== undefined && !isText ? { 'content-type': 'application/json' } : {}),
    ...reply.headers,
  };
  res.writeHead(reply.status ?? 200, headers);
  res.end(
    reply.body === undefined ? undefined : isText ? (reply.body as string) : JSON.stringify(reply.body),
  );
}

/** The contract's error body. */
export function apiError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): Reply {
  return { status, body: { statusCode: status, code, error: 'Error', message, details: {}, ...extra } };
}
