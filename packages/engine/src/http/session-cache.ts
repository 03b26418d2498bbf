/**
 * @module Reuse of account sessions between calls. A session renders the account's origins and declared headers
 * and compiles its redactor once; building all that for every call cost more than the call's own bookkeeping.
 * A session is reused only while the account's connection values are exactly those it was built from (a
 * re-linked or edited account gets a new one on its next call), for at most `SESSION_TTL_MS`, and while its
 * redactor stays small: tokens and generated secrets it learned stay masked, but do not pile up for ever.
 */
import type { CompiledIntegration } from '../config/compiled-integration.js';
import type { AccountContext } from './upstream.js';

/** How long one session serves an account before a fresh one is built. */
export const SESSION_TTL_MS = 60_000;
/** Accounts remembered per integration; the oldest is dropped beyond it. */
const MAX_ACCOUNTS = 2000;
/** Secret forms a reused session may hold (each secret adds up to four); beyond it a fresh session is built. */
const MAX_SECRET_FORMS = 256;

/** What the cache needs to know of a session. */
export interface CachedSession {
  /** How many secret forms its redactor masks (grows with tokens and generated secrets). */
  readonly secretForms: number;
}

interface Entry<S> {
  connection: Readonly<Record<string, string>>;
  session: S;
  expiresAt: number;
}

export class SessionCache<S extends CachedSession> {
  readonly #byIntegration = new WeakMap<CompiledIntegration, Map<string, Entry<S>>>();

  constructor(readonly clock: () => number) {}

  /** The account's session: the cached one while it still fits, else `build()`'s (then cached). */
  get(integration: CompiledIntegration, account: AccountContext, build: () => S): S {
    let entries = this.#byIntegration.get(integration);
    if (entries === undefined) {
      entries = new Map();
      this.#byIntegration.set(integration, entries);
    }
    const now = this.clock();
    const entry = entries.get(account.id);
    if (
      entry !== undefined &&
      entry.expiresAt > now &&
      entry.session.secretForms <= MAX_SECRET_FORMS &&
      sameValues(entry.connection, account.connection)
    ) {
      return entry.session;
    }
    const session = build();
    // Re-inserted at the end, so the first key is always the longest unrefreshed one.
    entries.delete(account.id);
    entries.set(account.id, {
      connection: { ...account.connection },
      session,
      expiresAt: now + SESSION_TTL_MS,
    });
    if (entries.size > MAX_ACCOUNTS) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    return session;
  }
}

function sameValues(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  let count = 0;
  for (const key in b) {
    if (!Object.hasOwn(b, key)) continue;
    if (!Object.hasOwn(a, key) || a[key] !== b[key]) return false;
    count++;
  }
  return count === Object.keys(a).length;
}
