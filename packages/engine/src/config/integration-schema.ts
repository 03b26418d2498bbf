/**
 * @module The integration JSON Schema and its Ajv validator, compiled once per process (about 0.4 s: the schema
 * inlines every union, so it is large) and shared by every load.
 */
import { createAjv, integrationJsonSchema } from '@switchboard/schema';
import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from './schema-walk.js';

let cached: { schema: JsonSchema; validate: ValidateFunction } | undefined;

export function integrationSchema(): { schema: JsonSchema; validate: ValidateFunction } {
  if (!cached) {
    const schema = integrationJsonSchema();
    const ajv = createAjv();
    // Ajv's optimisation passes over the generated code cost more than half of this compile (the largest
    // single cost of a cold start) and save nothing worth having for a validator run once per file at load.
    ajv.opts.code.optimize = 0;
    cached = { schema, validate: ajv.compile(schema) };
  }
  return cached;
}
