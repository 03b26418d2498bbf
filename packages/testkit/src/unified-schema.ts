/**
 * @module Validates unified records against the model's JSON Schema (the same one the API publishes).
 */
import { createAjv, userDirectoryJsonSchema } from '@switchboard/schema';

const SCHEMA_ID = 'https://switchboard.dev/schema/user-directory.schema.json';
const DEFS: Record<string, string> = {
  users: 'User',
  groups: 'Group',
  roles: 'Role',
  role_assignments: 'RoleAssignment',
  activities: 'Activity',
};

const ajv = createAjv();
ajv.addSchema(userDirectoryJsonSchema());

/** Problems with one record (`[]` when it is valid), each naming the field. */
export function validateUnifiedRecord(model: string, resource: string, record: unknown): string[] {
  const def = model === 'user-directory' ? DEFS[resource] : undefined;
  if (!def) return [`no unified schema for ${model}/${resource}`];
  const validate = ajv.getSchema(`${SCHEMA_ID}#/$defs/${def}`);
  if (!validate) return [`no unified schema for ${model}/${resource}`];
  if (validate(record)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
