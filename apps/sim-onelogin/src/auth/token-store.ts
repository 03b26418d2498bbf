/**
 * @module OneLogin's access tokens on top of the shared store: each carries a refresh token, the v2 endpoint
 * hands back the same token set until it expires or is revoked (the documented behaviour), the legacy v1
 * endpoint replaces it.
 */
import {
  type TokenRecord as KitTokenRecord,
  TokenStore as KitTokenStore,
  tokenRecord,
} from '@switchboard/sim-kit';

/** Refresh tokens live 45 days (reference §2.3). */
const REFRESH_TTL_MS = 45 * 86_400_000;

export interface TokenRecord extends KitTokenRecord {
  readonly refreshToken: string;
  readonly refreshExpiresAt: number;
}

export class TokenStore extends KitTokenStore<TokenRecord> {
  private readonly byRefresh = new Map<string, TokenRecord>();
  private current: TokenRecord | undefined;

  constructor(private readonly ttlSeconds: number) {
    super();
  }

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

  override clear(): void {
    super.clear();
    this.byRefresh.clear();
    this.current = undefined;
  }

  private mint(now: number): TokenRecord {
    // Tokens that can neither authenticate nor refresh are dropped, so long runs do not grow without bound.
    this.forget((record) => {
      const dead = record.revoked || now >= record.refreshExpiresAt;
      if (dead) this.byRefresh.delete(record.refreshToken);
      return dead;
    });
    const record: TokenRecord = {
      ...tokenRecord(KitTokenStore.newValue(), now, this.ttlSeconds),
      refreshToken: KitTokenStore.newValue(),
      refreshExpiresAt: now + REFRESH_TTL_MS,
    };
    this.add(record);
    this.byRefresh.set(record.refreshToken, record);
    this.current = record;
    return record;
  }
}
