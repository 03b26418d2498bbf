/**
 * @module A free TCP port on 127.0.0.1. The API is given its port up front so that cold start can be timed by
 * polling `/health` from the moment of spawn (the port is released just before; a collision fails the stage).
 */
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
