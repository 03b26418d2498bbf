/**
 * @module `auth.type: none` — public APIs.
 */
import type { AuthStrategy } from './strategy.js';

export function noneStrategy(): AuthStrategy {
  return { credentialNames: [], apply: async () => ({}) };
}
