/**
 * @module The entry point of one replica child process: the production `startServer(process.env)`, nothing
 * else. It tells its parent the URL it listens on over the IPC channel, and it does not outlive the parent:
 * when the channel closes (the test run ended or crashed) it shuts down like on SIGTERM.
 */
import { startServer } from '../../../src/server.js';

try {
  const server = await startServer(process.env);
  process.send?.({ type: 'listening', url: server.url });
  process.once('disconnect', () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
} catch (error) {
  // Settings and store errors carry a code and no secret; the parent shows this output when the start fails.
  console.error('replica failed to start:', error);
  process.exit(1);
}
