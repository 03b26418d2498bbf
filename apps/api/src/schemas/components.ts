/**
 * @module Registers every shared schema with Fastify: the unified models (validation of write bodies, fast
 * serialization of records, and `components.schemas` in the OpenAPI document) and the API's own shapes.
 */
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from './common.js';
import { UNIFIED_MODELS } from './unified-models.js';

export const IntegratedAccount = {
  $id: 'IntegratedAccount',
  type: 'object',
  required: ['id', 'integration', 'tenant_id', 'status', 'connection', 'created_at', 'updated_at'],
  properties: {
    id: { type: 'string' },
    integration: { type: 'string' },
    tenant_id: { type: 'string' },
    status: { type: 'string', enum: ['active', 'needs_reauth'] },
    connection: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Non-secret connection fields only.',
    },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
} as const;

export const Connection = {
  $id: 'Connection',
  type: 'object',
  description: 'Connection values by field name, as declared by the integration (`GET /integrations`).',
  additionalProperties: { type: 'string', maxLength: 4096 },
  maxProperties: 64,
} as const;

/** Every shared schema, each with its `$id` (the component name). */
export function sharedSchemas(): Record<string, unknown>[] {
  const schemas: Record<string, unknown>[] = [ErrorResponse, IntegratedAccount, Connection];
  for (const model of UNIFIED_MODELS) {
    for (const [id, schema] of Object.entries(model.schemas)) schemas.push({ ...schema, $id: id });
  }
  return schemas;
}

/** Registers the shared schemas for serialization and the OpenAPI document. */
export function addComponents(app: FastifyInstance, schemas: readonly Record<string, unknown>[]): void {
  for (const schema of schemas) app.addSchema(schema);
}
