/**
 * @module TypeBox's `Type` builder, from its CommonJS build. Under tsx — how the API runs — every ES module of a
 * dependency is resolved and loaded through tsx's loader thread, one round trip each, and TypeBox's ES build is
 * 200 modules, loaded by every process that imports this package. The CommonJS build is the same code, required
 * in this thread. Types still come from `@sinclair/typebox`.
 */
import { createRequire } from 'node:module';

const typebox = createRequire(import.meta.url)('@sinclair/typebox') as typeof import('@sinclair/typebox');

export const Type = typebox.Type;
