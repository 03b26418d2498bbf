/**
 * @module The integration JSON Schema and its Ajv validator, compiled once per process (about 0.8 s: the schema
 * inlines every union, so it is large) and shared by every load.
 */
import { createAjv, integrationJsonSchema } from '@switchboard/schema';
import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from './schema-walk.js';

let cached: { schema: JsonSchema; validate: ValidateFunction } | undefined;

export function integrationSchema(): { schema: JsonSchema; validate: ValidateFunction } {
  if (!cached) {
    const schema = integrationJsonSchema();
    cached = { schema, validate: createAjv().compile(schema) };
  }
  return cached;
}
