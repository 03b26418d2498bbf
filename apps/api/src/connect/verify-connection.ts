/**
 * @module Proves the typed credentials work before anything is stored. There is no account yet, so the engine
 * gets a throw-away id, and whatever token it cached under that id is dropped afterwards (same approach and key
 * format as `POST /integrated-accounts`).
 */
import { randomUUID } from 'node:crypto';
import type { Engine } from '@switchboard/engine';
import type { Store } from '@switchboard/store';

export async function verifyConnection(
  engine: Engine,
  store: Store,
  integration: string,
  connection: Record<string, string>,
): Promise<void> {
  const probeId = `verify_${randomUUID()}`;
  try {
    await engine.verify(integration, { id: probeId, connection });
  } finally {
    // The cache entry is a convenience; failing to drop it must not hide the verification's own outcome.
    await store.tokens.delete(`${integration}:${probeId}`).catch(() => undefined);
  }
}
