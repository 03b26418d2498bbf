/**
 * @module Child process: the Switchboard API as production starts it (`startServer` with settings from the
 * environment, every integration file loaded and compiled), on the port `PORT` names.
 */
import { startServer } from '@switchboard/api';
import { reportFailure, reportReady, stopOnSignal } from './launcher-ipc.js';

try {
  const server = await startServer(process.env, { handleSignals: false });
  stopOnSignal(() => server.close());
  reportReady(server.url);
} catch (error) {
  reportFailure(error);
}
