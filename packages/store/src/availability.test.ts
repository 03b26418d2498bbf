import { describe, expect, it } from 'vitest';
import { guarded, isUnavailable } from './availability.js';
import { Conflict, StoreUnavailable } from './errors.js';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isUnavailable', () => {
  it('recognises outages from either driver', () => {
    expect(isUnavailable(coded('ECONNREFUSED'))).toBe(true);
    expect(isUnavailable(new AggregateError([coded('ECONNREFUSED')]))).toBe(true);
    expect(isUnavailable(coded('57P01'))).toBe(true); // admin shutdown
    expect(isUnavailable(coded('08006'))).toBe(true); // connection failure
    expect(isUnavailable(coded('SQLITE_CANTOPEN'))).toBe(true);
    expect(isUnavailable(coded('SQLITE_READONLY_DBMOVED'))).toBe(true);
    expect(isUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('leaves bugs and constraint violations alone', () => {
    expect(isUnavailable(coded('23505'))).toBe(false); // unique violation
    expect(isUnavailable(coded('42P01'))).toBe(false); // undefined table
    expect(isUnavailable(coded('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
    expect(isUnavailable(new TypeError('x is not a function'))).toBe(false);
    expect(isUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe('guarded', () => {
  it('turns outages into StoreUnavailable with the cause, and passes everything else through', async () => {
    const refused = coded('ECONNREFUSED');
    const conflict = new Conflict('x');
    const bug = new TypeError('bug');
    const repo = guarded(
      {
        async down() {
          throw refused;
        },
        async taken() {
          throw conflict;
        },
        async broken() {
          throw bug;
        },
        async fine() {
          return 42;
        },
      },
      'sqlite:x.db',
    );

    const error = await repo.down().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as Error).cause).toBe(refused);
    expect((error as Error).message).toBe('the database (sqlite:x.db) is unavailable');
    await expect(repo.taken()).rejects.toBe(conflict);
    await expect(repo.broken()).rejects.toBe(bug);
    expect(await repo.fine()).toBe(42);
  });
});
