/**
 * @module Issued access tokens. The v2 endpoint hands back the same token set until it expires or is
 * revoked (the documented behaviour); the legacy v1 endpoint replaces it. Tokens are opaque random hex,
 * never logged.
 */
import { randomBytes } from 'node:crypto';

/** Refresh tokens live 45 days (reference §2.3). */
const REFRESH_TTL_MS = 45 * 86_400_000;

export interface TokenRecord {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly refreshExpiresAt: number;
  revoked: boolean;
  /** Set by the `expire_tokens_after_calls` fault. */
  expiredByFault: boolean;
  /** Resource calls made with this token since the fault was last configured. */
  callsUnderFault: number;
}

export class TokenStore {
  private readonly byAccess = new Map<string, TokenRecord>();
  private readonly byRefresh = new Map<string, TokenRecord>();
  private current: TokenRecord | undefined;

  constructor(private readonly ttlSeconds: number) {}

  /** v2: the current token set while it is usable; otherwise a new one. */
  issueOrReuse(now: number): { token: TokenRecord; reused: boolean } {
    if (this.current !== undefined && this.isUsable(this.current, now))
      return { token: this.current, reused: true };
    return { token: this.mint(now), reused: false };
  }

  /** v1 and refresh: always a new token set, and the one it replaces stops working. */
  replace(now: number, previous: TokenRecord | undefined = this.current): TokenRecord {
    if (previous !== undefined) previous.revoked = true;
    return this.mint(now);
  }

  /** Finds the token set a refresh request names; `undefined` when unknown, revoked or out of date. */
  forRefresh(refreshToken: string, accessToken: string | undefined, now: number): TokenRecord | undefined {
    const record = this.byRefresh.get(refreshToken);
    if (record === undefined || record.revoked || now >= record.refreshExpiresAt) return undefined;
    if (accessToken !== undefined && accessToken !== record.accessToken) return undefined;
    return record;
  }

  /** The token when it may be used for a resource call. */
  authenticate(accessToken: string, now: number): TokenRecord | undefined {
    const record = this.byAccess.get(accessToken);
    return record !== undefined && this.isUsable(record, now) ? record : undefined;
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
    this.byRefresh.clear();
    this.current = undefined;
  }

  private isUsable(record: TokenRecord, now: number): boolean {
    return !record.revoked && !record.expiredByFault && now < record.expiresAt;
  }

  private mint(now: number): TokenRecord {
    this.forgetDead(now);
    const record: TokenRecord = {
      accessToken: randomBytes(32).toString('hex'),
      refreshToken: randomBytes(32).toString('hex'),
      createdAt: now,
      expiresAt: now + this.ttlSeconds * 1000,
      refreshExpiresAt: now + REFRESH_TTL_MS,
      revoked: false,
      expiredByFault: false,
      callsUnderFault: 0,
    };
    this.byAccess.set(record.accessToken, record);
    this.byRefresh.set(record.refreshToken, record);
    this.current = record;
    return record;
  }

  /** Drops tokens that can neither authenticate nor refresh, so long runs do not grow without bound. */
  private forgetDead(now: number): void {
    for (const record of this.byAccess.values()) {
      if (record.revoked || now >= record.refreshExpiresAt) {
        this.byAccess.delete(record.accessToken);
        this.byRefresh.delete(record.refreshToken);
      }
    }
  }
}
