import { Conflict, InvalidArgument } from './errors.js';
import { prefixedId } from './prefixed-id.js';
import type { Db } from './tables.js';
import type { Environment, EnvironmentRepository } from './types.js';

export function environmentRepository(db: Db): EnvironmentRepository {
  return {
    async create(name) {
      if (name.trim() === '') throw new InvalidArgument('an environment needs a name');
      const now = new Date();
      const row: Environment = { id: prefixedId('env', now), name, created_at: now.toISOString() };
      // ON CONFLICT DO NOTHING + RETURNING answers "was it inserted" the same way on both dialects,
      // without parsing driver-specific constraint errors.
      const inserted = await db
        .insertInto('environments')
        .values(row)
        .onConflict((conflict) => conflict.column('name').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted === undefined) throw new Conflict(`an environment named "${name}"`, { details: { name } });
      return inserted;
    },

    async get(id) {
      return db.selectFrom('environments').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async getByName(name) {
      return db.selectFrom('environments').selectAll().where('name', '=', name).executeTakeFirst();
    },
  };
}
