import { describe, expect, it } from 'vitest';
import { thrown } from '../test/thrown.js';
import { parseDatabaseUrl } from './database-url.js';
import { DatabaseUrlInvalid } from './errors.js';

describe('parseDatabaseUrl', () => {
  it('defaults to the embedded SQLite file', () => {
    expect(parseDatabaseUrl()).toMatchObject({ dialect: 'sqlite', path: './.switchboard/switchboard.db' });
  });

  it('reads sqlite paths and :memory:', () => {
    expect(parseDatabaseUrl('sqlite:data/x.db')).toMatchObject({ dialect: 'sqlite', path: 'data/x.db' });
    expect(parseDatabaseUrl('sqlite:///var/lib/x.db')).toMatchObject({ path: '/var/lib/x.db' });
    expect(parseDatabaseUrl('sqlite::memory:')).toMatchObject({ path: ':memory:' });
  });

  it('reads postgres URLs, takes ?schema= out for itself, and labels them without the password', () => {
    const target = parseDatabaseUrl(
      'postgres://app:hunter2@db.internal:5433/switchboard?sslmode=require&schema=tenant_a',
    );
    expect(target).toMatchObject({ dialect: 'postgres', schema: 'tenant_a' });
    if (target.dialect !== 'postgres') throw new Error('unreachable');
    expect(target.connectionString).toBe(
      'postgres://app:hunter2@db.internal:5433/switchboard?sslmode=require',
    );
    expect(target.label).toBe('postgres://app@db.internal:5433/switchboard?schema=tenant_a');
    expect(parseDatabaseUrl('postgresql://localhost/x')).toMatchObject({
      dialect: 'postgres',
      schema: 'public',
    });
  });

  it('refuses other schemes and unsafe schema names, without echoing the URL', () => {
    for (const url of [
      'mysql://root:hunter2@h/db',
      'just-a-path.db',
      'sqlite:',
      'postgres://u:hunter2@h/db?schema=a;drop',
    ]) {
      const error = thrown(() => parseDatabaseUrl(url));
      expect(error).toBeInstanceOf(DatabaseUrlInvalid);
      expect(String(error)).not.toContain('hunter2');
    }
  });
});
