/**
 * @module kysely's values (classes, `sql`), from its CommonJS build. Under tsx — how the API runs — every ES module
 * of a dependency is resolved and loaded through tsx's loader thread, one round trip each, and kysely's ES build is
 * 263 modules: a large share of the API's start-up. Its CommonJS build is the same code, required in this thread.
 * Every kysely value this package uses comes from here (types still come from `kysely`), so there is one copy of
 * its classes.
 */
import { createRequire } from 'node:module';

export const kysely = createRequire(import.meta.url)('kysely') as typeof import('kysely');
