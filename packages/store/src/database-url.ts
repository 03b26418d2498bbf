/**
 * @module Reads `DATABASE_URL` into a dialect choice. `sqlite:PATH` (also `sqlite:///abs/path` and
 * `sqlite::memory:`) or `postgres://…` / `postgresql://…`, where an optional `?schema=NAME` selects the
 * Postgres schema (default `public`). Anything shown to humans goes through `label`, which has no password.
 */
import { DatabaseUrlInvalid } from './errors.js';

export const DEFAULT_DATABASE_URL = 'sqlite:./.switchboard/switchboard.db';

export type DatabaseTarget =
  | { dialect: 'sqlite'; path: string; label: string }
  | { dialect: 'postgres'; connectionString: string; schema: string; label: string };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): DatabaseTarget {
  if (url.startsWith('sqlite:')) return parseSqlite(url.slice('sqlite:'.length));
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return parsePostgres(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new DatabaseUrlInvalid(
    scheme === undefined
      ? 'expected sqlite:PATH or postgres://…'
      : `unsupported scheme "${scheme}:" (expected sqlite: or postgres:)`,
  );
}

function parseSqlite(rest: string): DatabaseTarget {
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  if (path === '') throw new DatabaseUrlInvalid('sqlite: needs a file path or :memory:');
  return { dialect: 'sqlite', path, label: `sqlite:${path}` };
}

function parsePostgres(url: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The parser's error keeps the whole input (password included) on `.input`, so it is not attached
    // as a cause: nothing about it is worth the leak.
    throw new DatabaseUrlInvalid('not a valid postgres:// URL');
  }
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new DatabaseUrlInvalid('schema must be a lower-case identifier (letters, digits, underscore)');
  }
  parsed.searchParams.delete('schema');
  const user = parsed.username === '' ? '' : `${parsed.username}@`;
  const label = `postgres://${user}${parsed.host}${parsed.pathname}${schema === 'public' ? '' : `?schema=${schema}`}`;
  return { dialect: 'postgres', connectionString: parsed.toString(), schema, label };
}
