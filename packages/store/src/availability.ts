/**
 * @module Tells "the database is not there" apart from every other failure, and turns the former into
 * StoreUnavailable (the API answers 503 and keeps running; pg reconnects by itself once Postgres is back).
 * Other errors pass through untouched: they are bugs or constraint violations, not outages.
 */
import { isSwitchboardError } from '@switchboard/errors';
import { StoreUnavailable } from './errors.js';

const OS_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOENT',
  'ENOTDIR',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
]);

// SQLSTATE: 08 connection exception, 57P0x shutdown / cannot connect now, 53300 too many connections,
// 28 invalid authorization, 3D000 database does not exist.
const PG_STATES = /^(08...|57P0[1-3]|53300|28...|3D000)$/;

// better-sqlite3 extended codes, e.g. SQLITE_CANTOPEN_ISDIR, SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE.
const SQLITE_CODES = /^SQLITE_(CANTOPEN|READONLY|IOERR|BUSY|LOCKED|FULL|PERM|NOTADB|CORRUPT)/;

// pg and better-sqlite3 report some connection states only in the message.
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Cannot use a pool after calling end/i,
  /database connection is not open/i,
  /driver has already been destroyed/i,
];

export function isUnavailable(error: unknown): boolean {
  if (error instanceof AggregateError && error.errors.some(isUnavailable)) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (OS_CODES.has(code) || PG_STATES.test(code) || SQLITE_CODES.test(code))) {
    return true;
  }
  return MESSAGES.some((pattern) => pattern.test(error.message));
}

/** Rethrows database outages as StoreUnavailable (cause kept); anything else unchanged. */
export function toStoreError(error: unknown, target: string): unknown {
  if (isSwitchboardError(error)) return error;
  return isUnavailable(error) ? new StoreUnavailable(target, { cause: error }) : error;
}

/**
 * Wraps every method of a repository so callers only ever see StoreUnavailable for outages, whatever the
 * driver. One wrapper instead of a try/catch in each query keeps the queries readable.
 */
export function guarded<T extends object>(repository: T, target: string): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repository)) {
    wrapped[name] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await value.apply(repository, args);
            } catch (error) {
              throw toStoreError(error, target);
            }
          }
        : value;
  }
  return wrapped as T;
}
