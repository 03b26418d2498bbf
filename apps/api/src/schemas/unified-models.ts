/**
 * @module The unified models the API serves, from `@switchboard/schema`: for each model and resource, the
 * record schema, the write bodies and the filters the contract names. Routes and the OpenAPI document are
 * generated from this table, so a new resource in the schema package is a new set of routes here.
 */
import { USER_DIRECTORY, USER_DIRECTORY_FILTERS, userDirectoryJsonSchema } from '@switchboard/schema';

export interface UnifiedResourceSpec {
  /** Component id of the record schema, e.g. `User`. */
  record: string;
  /** Component id of the create body; absent: any object (the integration decides, usually 405). */
  create?: string;
  update?: string;
  filters: readonly string[];
}

export interface UnifiedModelSpec {
  name: string;
  resources: Record<string, UnifiedResourceSpec>;
  /** JSON Schemas of every record and write body, by component id. */
  schemas: Record<string, Record<string, unknown>>;
}

const WRITES: Record<string, { create?: string; update?: string }> = {
  users: { create: 'UserCreate', update: 'UserUpdate' },
  roles: { create: 'RoleWrite', update: 'RoleUpdate' },
  role_assignments: { create: 'RoleAssignmentCreate' },
};

function userDirectory(): UnifiedModelSpec {
  const defs = (userDirectoryJsonSchema()['$defs'] ?? {}) as Record<string, Record<string, unknown>>;
  const schemas: Record<string, Record<string, unknown>> = { ...defs };
  const roleWrite = defs['RoleWrite'];
  if (roleWrite !== undefined) {
    // PATCH semantics: every field optional, still no unknown fields.
    const { required: _required, ...rest } = roleWrite;
    schemas['RoleUpdate'] = { ...rest, minProperties: 1 };
  }
  const resources: Record<string, UnifiedResourceSpec> = {};
  for (const [resource, schema] of Object.entries(USER_DIRECTORY)) {
    resources[resource] = {
      record: String(schema.$id),
      filters: USER_DIRECTORY_FILTERS[resource as keyof typeof USER_DIRECTORY_FILTERS] ?? [],
      ...WRITES[resource],
    };
  }
  return { name: 'user-directory', resources, schemas };
}

/** Every unified model, by URL name. */
export const UNIFIED_MODELS: readonly UnifiedModelSpec[] = [userDirectory()];
