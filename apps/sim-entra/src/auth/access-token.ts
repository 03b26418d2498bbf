/**
 * @module Access tokens shaped like Entra's: a JWT (`eyJ0eX…`) whose payload names the Graph audience, the
 * tenant and the application. The signature is random bytes: nothing verifies it but this simulator, which
 * looks the whole value up in its token store.
 */
import { randomBytes } from 'node:crypto';

const encode = (value: object) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export interface TokenClaims {
  readonly tenantId: string;
  readonly appId: string;
  readonly issuedAt: number;
  readonly ttlSeconds: number;
}

export function mintAccessToken(claims: TokenClaims): string {
  const iat = Math.floor(claims.issuedAt / 1000);
  const header = { typ: 'JWT', alg: 'RS256', kid: 'sim-signing-key' };
  const payload = {
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${claims.tenantId}/`,
    iat,
    nbf: iat,
    exp: iat + claims.ttlSeconds,
    appid: claims.appId,
    idtyp: 'app',
    roles: [
      'User.ReadWrite.All',
      'Group.ReadWrite.All',
      'RoleManagement.ReadWrite.Directory',
      'AuditLog.Read.All',
    ],
    tid: claims.tenantId,
    uti: randomBytes(12).toString('base64url'),
    ver: '1.0',
  };
  return `${encode(header)}.${encode(payload)}.${randomBytes(64).toString('base64url')}`;
}

/** The tenant a token claims to come from, when it is one of ours in form (used to word a 401). */
export function claimedTenant(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tid?: unknown };
    return typeof parsed.tid === 'string' ? parsed.tid : undefined;
  } catch {
    return undefined;
  }
}

const BEARER = /^\s*bearer\s+(\S+)\s*$/i;

export function readBearer(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  return BEARER.exec(authorization)?.[1];
}
