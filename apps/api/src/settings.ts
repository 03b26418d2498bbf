/**
 * @module The server's settings, read once from environment variables (the contract's settings table). Every
 * problem is collected and thrown together as `SettingsInvalid`, naming the variable but never echoing a secret.
 */
import { SettingsInvalid } from './errors.js';

/** A request budget: at most `max` requests per `windowMs`. */
export interface Budget {
  max: number;
  windowMs: number;
}

export interface Settings {
  port: number;
  host: string;
  /** `sqlite:PATH` or `postgres://…`. */
  databaseUrl: string;
  redisUrl?: string;
  /** Base64 of 32 bytes; when unset the store resolves a development key. */
  encryptionKey?: string;
  /** Where the development encryption key and SQLite file live. */
  dataDir: string;
  /** Registered (hashed) for the environment `default` at start. */
  apiKey?: string;
  /** Enables `/admin/*`. */
  adminToken?: string;
  /** By integration env name (upper case, `-` as `_`), e.g. `ONELOGIN` → URL. */
  upstreamOverrides: Record<string, string>;
  rateLimitOverrides: Record<string, 'off' | { limit: number; windowMs: number }>;
  /** The API's own per-key budget (`SWITCHBOARD_API_RATE_LIMIT`), or `off`. */
  apiRateLimit: Budget | 'off';
  /**
   * How long this process trusts an authenticated API key, an account's decrypted credentials and a token it has
   * read (`SWITCHBOARD_CACHE_TTL`); 0: every request reads the store.
   */
  cacheTtlMs: number;
  logLevel: string;
  /** Signs cursors; when unset the server derives it from the encryption key (HKDF) so cursors survive restarts. */
  cursorSecret?: string | Uint8Array;
  /** Where integration files are loaded from (default: the repository's `integrations/`). */
  integrationsDir?: string;
  /** The public origin used in link-token URLs (default: taken from each request's Host). */
  publicUrl?: string;
  /**
   * `SWITCHBOARD_TRUST_PROXY`: which proxies' `X-Forwarded-*` headers to believe (Fastify's `trustProxy`): `false`
   * (default), `true`, a hop count, or addresses/CIDRs. The client address keys the connect pages' rate limit.
   */
  trustProxy: boolean | number | string[];
  /** `SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS`: webhook URLs may reach loopback and private addresses. */
  webhookAllowPrivateNetworks: boolean;
  production: boolean;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DEFAULT_API_RATE_LIMIT: Budget = { max: 6000, windowMs: 60_000 };
const DEFAULT_CACHE_TTL_MS = 5000;
/** Longer would let a key deleted on another replica keep working for longer than anyone expects. */
const MAX_CACHE_TTL_MS = 60_000;

/**
 * Parses the environment into settings.
 *
 * @example
 * const settings = parseSettings(process.env);
 */
export function parseSettings(env: NodeJS.ProcessEnv): Settings {
  const issues: { variable: string; message: string }[] = [];
  const problem = (variable: string, message: string) => issues.push({ variable, message });
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };

  const port = parsePort(value('PORT') ?? '8080');
  if (port === undefined) problem('PORT', 'must be an integer between 0 and 65535');

  const logLevel = (value('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) problem('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  const databaseUrl = value('DATABASE_URL') ?? 'sqlite:./.switchboard/switchboard.db';
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    problem('DATABASE_URL', 'must start with sqlite: or postgres://');
  }
  const redisUrl = value('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    problem('REDIS_URL', 'must start with redis:// or rediss://');
  }

  const apiRateLimitText = value('SWITCHBOARD_API_RATE_LIMIT');
  let apiRateLimit: Budget | 'off' = DEFAULT_API_RATE_LIMIT;
  if (apiRateLimitText !== undefined) {
    const parsed = parseBudget(apiRateLimitText);
    if (parsed === undefined) problem('SWITCHBOARD_API_RATE_LIMIT', 'must be `off` or like `600/1m`');
    else apiRateLimit = parsed === 'off' ? 'off' : { max: parsed.limit, windowMs: parsed.windowMs };
  }

  const cacheTtlText = value('SWITCHBOARD_CACHE_TTL');
  let cacheTtlMs = DEFAULT_CACHE_TTL_MS;
  if (cacheTtlText !== undefined) {
    const parsed = parseCacheTtl(cacheTtlText);
    if (parsed === undefined)
      problem('SWITCHBOARD_CACHE_TTL', 'must be `off`, `0` or a duration up to 60s like `5s`');
    else cacheTtlMs = parsed;
  }

  const upstreamOverrides: Settings['upstreamOverrides'] = {};
  const rateLimitOverrides: Settings['rateLimitOverrides'] = {};
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined || raw.trim() === '') continue;
    const upstream = /^SWITCHBOARD_UPSTREAM_([A-Z0-9_]+)$/.exec(name)?.[1];
    if (upstream !== undefined) {
      if (isHttpUrl(raw.trim())) upstreamOverrides[upstream] = raw.trim().replace(/\/+$/, '');
      else problem(name, 'must be an http:// or https:// URL');
    }
    const limited = /^SWITCHBOARD_RATE_LIMIT_([A-Z0-9_]+)$/.exec(name)?.[1];
    if (limited !== undefined) {
      const budget = parseBudget(raw.trim());
      if (budget === undefined) problem(name, 'must be `off` or like `20000/1h`');
      else rateLimitOverrides[limited] = budget;
    }
  }

  const cursorSecret = value('SWITCHBOARD_CURSOR_SECRET');
  if (cursorSecret !== undefined && Buffer.byteLength(cursorSecret) < 32) {
    problem('SWITCHBOARD_CURSOR_SECRET', 'must be at least 32 characters');
  }
  const adminToken = value('SWITCHBOARD_ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < 16) {
    problem('SWITCHBOARD_ADMIN_TOKEN', 'must be at least 16 characters');
  }
  const publicUrl = value('SWITCHBOARD_PUBLIC_URL');
  if (publicUrl !== undefined && !isHttpUrl(publicUrl)) {
    problem('SWITCHBOARD_PUBLIC_URL', 'must be an http:// or https:// URL');
  }

  // The link-token `url` would otherwise be built from each request's Host header, which a caller chooses.
  if (publicUrl === undefined && env['NODE_ENV'] === 'production') {
    problem('SWITCHBOARD_PUBLIC_URL', 'is required when NODE_ENV=production (the base of connect links)');
  }
  const trustProxy = parseTrustProxy(value('SWITCHBOARD_TRUST_PROXY') ?? 'false');
  if (trustProxy === undefined) {
    problem('SWITCHBOARD_TRUST_PROXY', 'must be true, false, a hop count or comma-separated addresses/CIDRs');
  }

  const allowPrivate = value('SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS') ?? 'false';
  if (allowPrivate !== 'true' && allowPrivate !== 'false') {
    problem('SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS', 'must be true or false');
  }

  if (issues.length > 0) {
    throw new SettingsInvalid(
      `invalid settings: ${issues.map((issue) => `${issue.variable} ${issue.message}`).join('; ')}`,
      { details: { issues } },
    );
  }

  return {
    port: port ?? 8080,
    host: value('HOST') ?? '127.0.0.1',
    databaseUrl,
    dataDir: value('SWITCHBOARD_DATA_DIR') ?? './.switchboard',
    upstreamOverrides,
    rateLimitOverrides,
    apiRateLimit,
    cacheTtlMs,
    logLevel,
    production: env['NODE_ENV'] === 'production',
    webhookAllowPrivateNetworks: allowPrivate === 'true',
    trustProxy: trustProxy ?? false,
    ...optional('redisUrl', redisUrl),
    ...optional('encryptionKey', value('SWITCHBOARD_ENCRYPTION_KEY')),
    ...optional('apiKey', value('SWITCHBOARD_API_KEY')),
    ...optional('adminToken', adminToken),
    ...optional('cursorSecret', cursorSecret),
    ...optional('integrationsDir', value('SWITCHBOARD_INTEGRATIONS_DIR')),
    ...optional('publicUrl', publicUrl?.replace(/\/+$/, '')),
  };
}

/** `true`, `false`, a hop count, or comma-separated IP addresses / CIDR ranges; undefined when malformed. */
export function parseTrustProxy(text: string): boolean | number | string[] | undefined {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const addresses = text.split(',').map((part) => part.trim());
  return addresses.every((address) => /^[0-9a-f.:]+(?:\/\d{1,3})?$/i.test(address) && /[.:]/.test(address))
    ? addresses
    : undefined;
}

/** `off`, or `<count>/<n?><unit>` such as `20000/1h` or `600/1m` or `10/30s`. */
export function parseBudget(text: string): 'off' | { limit: number; windowMs: number } | undefined {
  if (text.toLowerCase() === 'off') return 'off';
  const match = /^(\d+)\/(\d*)(ms|s|m|h|d)$/.exec(text);
  if (match === null) return undefined;
  const limit = Number(match[1]);
  const count = match[2] === '' ? 1 : Number(match[2]);
  const windowMs = count * (DURATION_MS[match[3] as string] ?? 0);
  if (!Number.isSafeInteger(limit) || limit < 1 || windowMs < 1) return undefined;
  return { limit, windowMs };
}

/** `off` or `0` (no caching), or `<n><unit>` such as `5s` or `500ms`, at most a minute. */
function parseCacheTtl(text: string): number | undefined {
  if (text.toLowerCase() === 'off' || text === '0') return 0;
  const match = /^(\d+)(ms|s|m)$/.exec(text);
  if (match === null) return undefined;
  const ms = Number(match[1]) * (DURATION_MS[match[2] as string] ?? 0);
  return Number.isSafeInteger(ms) && ms <= MAX_CACHE_TTL_MS ? ms : undefined;
}

/** The env-name form of an integration name: `one-login` → `ONE_LOGIN`. */
export function envName(integration: string): string {
  return integration.toUpperCase().replace(/-/g, '_');
}

function parsePort(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
