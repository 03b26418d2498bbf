/**
 * @module The integration JSON Schema and its validator, shared by every load. The validator is Ajv's code for
 * the schema, generated ahead of time by the schema package (`pnpm --filter @switchboard/schema build`; a test
 * there fails while it is stale): compiling the schema at start-up cost about a second of every cold start.
 */
import { integrationJsonSchema } from '@switchboard/schema';
import { type IntegrationValidator, validate } from '@switchboard/schema/integration-validator';
import type { JsonSchema } from './schema-walk.js';

let schema: JsonSchema | undefined;

export function integrationSchema(): { schema: JsonSchema; validate: IntegrationValidator } {
  schema ??= integrationJsonSchema();
  return { schema, validate };
}
