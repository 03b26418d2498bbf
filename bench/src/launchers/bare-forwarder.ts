/** @module Child process: the bare Fastify + undici forwarder in front of `UPSTREAM_URL` (the simulator). */
import { buildBareForwarder } from '../upstream/bare-forwarder.js';
import { fetchSimulatorToken } from '../upstream/simulator-token.js';
import { reportFailure, reportReady, stopOnSignal } from './launcher-ipc.js';

try {
  const upstream = process.env['UPSTREAM_URL'] ?? '';
  const app = buildBareForwarder(upstream, await fetchSimulatorToken(upstream));
  stopOnSignal(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  reportReady(`http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`);
} catch (error) {
  reportFailure(error);
}
