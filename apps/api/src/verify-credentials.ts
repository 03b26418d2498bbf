/**
 * @module Proves credentials work before they are stored, for `POST`/`PATCH /integrated-accounts` and the connect
 * page alike. The engine keeps no token from a verification, so nothing needs cleaning up afterwards.
 */
import { randomUUID } from 'node:crypto';
import type { Engine } from '@switchboard/engine';

/**
 * @param accountId the account being rotated, so the upstream call counts against its budget; new credentials
 *   get a throw-away id.
 */
export function verifyCredentials(
  engine: Engine,
  integration: string,
  connection: Record<string, string>,
  accountId = `verify_${randomUUID()}`,
): Promise<void> {
  return engine.verify(integration, { id: accountId, connection });
}
