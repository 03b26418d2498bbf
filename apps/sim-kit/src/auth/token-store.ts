/**
 * @module Credentials a simulator accepts on resource calls: minted access tokens with a lifetime (OAuth2
 * simulators) or fixed API tokens registered up front (Okta's SSWS token, which never expires). One store so
 * the `revoke_all_tokens` and `expire_tokens_after_calls` faults work the same everywhere. Token values are
 * opaque random hex, never logged.
 */
import { randomBytes } from 'node:crypto';

export interface TokenRecord {
  readonly accessToken: string;
  readonly createdAt: number;
  /** Epoch ms; `Infinity` for a fixed API token. */
  readonly expiresAt: number;
  revoked: boolean;
  /** Set by the `expire_tokens_after_calls` fault. */
  expiredByFault: boolean;
  /** Resource calls made with this token since the fault was last configured. */
  callsUnderFault: number;
}

export class TokenStore<T extends TokenRecord = TokenRecord> {
  protected readonly byAccess = new Map<string, T>();

  /** A fresh random token value (64 hex characters). */
  static newValue(): string {
    return randomBytes(32).toString('hex');
  }

  /** Adds a token record (minted by the caller, which may add fields of its own). */
  add(record: T): T {
    this.byAccess.set(record.accessToken, record);
    return record;
  }

  /** The token when it may be used for a resource call. */
  authenticate(accessToken: string, now: number): T | undefined {
    const record = this.byAccess.get(accessToken);
    return record !== undefined && this.isUsable(record, now) ? record : undefined;
  }

  /**
   * Charges one resource call against the `expire_tokens_after_calls` fault (`null` = not set). Returns false
   * when the token has just died of it: the caller answers 401 until a new token is used.
   */
  chargeCall(record: T, expireAfter: number | null): boolean {
    if (expireAfter === null) return true;
    if (record.callsUnderFault >= expireAfter) {
      record.expiredByFault = true;
      return false;
    }
    record.callsUnderFault += 1;
    return true;
  }

  revoke(accessToken: string): boolean {
    const record = this.byAccess.get(accessToken);
    if (record === undefined || record.revoked) return false;
    record.revoked = true;
    return true;
  }

  revokeAll(): number {
    let revoked = 0;
    for (const record of this.byAccess.values()) {
      if (!record.revoked) revoked += 1;
      record.revoked = true;
    }
    return revoked;
  }

  /** Starts a fresh count for the `expire_tokens_after_calls` fault. */
  restartFaultCounts(): void {
    for (const record of this.byAccess.values()) record.callsUnderFault = 0;
  }

  activeCount(now: number): number {
    let active = 0;
    for (const record of this.byAccess.values()) if (this.isUsable(record, now)) active += 1;
    return active;
  }

  clear(): void {
    this.byAccess.clear();
  }

  isUsable(record: T, now: number): boolean {
    return !record.revoked && !record.expiredByFault && now < record.expiresAt;
  }

  /** Drops records `isDead` names, so long runs do not grow without bound. */
  protected forget(isDead: (record: T) => boolean): void {
    for (const record of this.byAccess.values()) if (isDead(record)) this.byAccess.delete(record.accessToken);
  }
}

/** A record for a token that lives `ttlSeconds` (or forever with `Infinity`). */
export function tokenRecord(accessToken: string, now: number, ttlSeconds: number): TokenRecord {
  return {
    accessToken,
    createdAt: now,
    expiresAt: now + ttlSeconds * 1000,
    revoked: false,
    expiredByFault: false,
    callsUnderFault: 0,
  };
}
