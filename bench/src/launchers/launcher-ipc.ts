/**
 * @module The child side of `processes/child-service.ts`: tell the bench the URL once listening, stop cleanly on
 * SIGTERM, and exit when the bench goes away (IPC disconnect) so nothing is left running.
 */
import type { LauncherMessage } from '../processes/child-service.js';

export function reportReady(url: string): void {
  process.send?.({ type: 'ready', url } satisfies LauncherMessage);
}

export function reportFailure(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.send?.({ type: 'error', message } satisfies LauncherMessage, () => process.exit(1));
  if (process.send === undefined) {
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}

export function stopOnSignal(close: () => Promise<void>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);
}
