/**
 * @module Stage 3: the document against the integration JSON Schema, collapsed to one message per mistake.
 */

import { integrationSchema } from './integration-schema.js';
import type { IssueDraft } from './issue-draft.js';
import { collapseSchemaErrors } from './schema-messages.js';
import { type SchemaVisit, walkSchema } from './schema-walk.js';

export interface SchemaValidation {
  /** Every node the schema describes, with the schema that applies there (used by the semantic pass). */
  visits: SchemaVisit[];
  issues: IssueDraft[];
}

export function validateSchema(data: unknown): SchemaValidation {
  const { schema, validate } = integrationSchema();
  const visits = walkSchema(schema, data);
  if (validate(data)) return { visits, issues: [] };
  const schemas = new Map(visits.map((v) => [v.pointer, v.schema]));
  const issues = collapseSchemaErrors(validate.errors ?? [], { data, schemaAt: (p) => schemas.get(p) });
  return { visits, issues };
}
