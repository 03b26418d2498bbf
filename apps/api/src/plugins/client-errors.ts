/**
 * @module Requests Node's HTTP parser refuses before Fastify sees them (oversized headers or URL, malformed
 * request lines, timeouts) still get the contract's error shape instead of a bare status line.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

const STATUS_BY_CODE: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/** Fastify's `clientErrorHandler`. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
  const body = JSON.stringify({
    statusCode: status,
    code: 'SB_ERR_API_BAD_REQUEST',
    error: STATUS_CODES[status],
    message: status === 431 ? 'request headers or URL too large' : 'malformed HTTP request',
    details: {},
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
