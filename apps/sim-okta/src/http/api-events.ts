/**
 * @module System Log events for changes made through the API, so a client's writes show up in the activity
 * feed: the actor is the API token's owner, the client IP the caller's.
 */
import type { FastifyRequest } from 'fastify';
import { logEvent, userActor } from '../data/log-events.js';
import type { LogTarget } from '../data/records.js';
import type { SimContext } from './context.js';

export function recordApiEvent(
  context: SimContext,
  request: FastifyRequest,
  eventType: string,
  target: readonly LogTarget[],
): void {
  const directory = context.state.data;
  const owner = directory.users.get(directory.ownerId);
  const actor =
    owner === undefined
      ? { id: 'sim-api-token', type: 'PublicClientApp', alternateId: 'API token', displayName: 'API token' }
      : userActor(owner);
  directory.appendLog(
    logEvent({ eventType, actor, target, ipAddress: request.ip }, directory.random),
    context.now(),
  );
}
