/**
 * @module @switchboard/schema — the integration file format and the unified models, as JSON Schema and types.
 * Pure: no I/O.
 */

export { createAjv } from './ajv.js';
export * from './integration/auth.js';
export * from './integration/connection.js';
export * from './integration/definitions.js';
export * from './integration/integration.js';
export * from './integration/pagination.js';
export { Duration, HttpMethod, RequestLocation } from './integration/primitives.js';
export * from './integration/rate-limit.js';
export * from './integration/resource.js';
export * from './integration/unified.js';
export { integrationJsonSchema, unifiedModelJsonSchema, userDirectoryJsonSchema } from './json-schema.js';
export * from './unified/activities.js';
export { enumValues } from './unified/fields.js';
export * from './unified/filter.js';
export * from './unified/filter-match.js';
export * from './unified/filter-value.js';
export * from './unified/groups.js';
export * from './unified/models.js';
export * from './unified/role-assignments.js';
export * from './unified/roles.js';
export * from './unified/unified-resource.js';
export * from './unified/user-directory.js';
export * from './unified/users.js';
