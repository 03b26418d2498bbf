/**
 * @module One unified resource, defined in one place: its record (fields, as TypeBox), the filters its list
 * accepts, and its write bodies. Everything else — the engine's filter checks and write-only redaction, the API's
 * routes and OpenAPI schemas, the conformance kit, the SDK's types — is derived from these definitions.
 */
import type { TObject, TSchema } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import type { FilterDefinition } from './filter.js';

export interface UnifiedResourceDefinition {
  /** The URL name, e.g. `role_assignments`. */
  readonly name: string;
  /** The record's schema; its `$id` (e.g. `User`) names it in the emitted JSON Schema and the OpenAPI document. */
  readonly record: TObject;
  readonly filters: readonly FilterDefinition[];
  /** Body of `POST`; absent: the contract defines none (the integration decides, usually 405). */
  readonly create?: TObject;
  /** Body of `PATCH`. */
  readonly update?: TObject;
}

export interface UnifiedModelDefinition {
  /** The URL name, e.g. `user-directory`. */
  readonly name: string;
  readonly resources: readonly UnifiedResourceDefinition[];
}

/** The schema's `$id` (every record and write body has one). */
export function schemaId(schema: TSchema): string {
  const id = schema.$id;
  if (id === undefined) throw new Error('a unified schema needs an $id');
  return id;
}

/** Filters of a resource as one closed object, `<Record>Filters` (e.g. `UserFilters`); undefined without any. */
export function filtersSchemaOf(resource: UnifiedResourceDefinition): TObject | undefined {
  if (resource.filters.length === 0) return undefined;
  const properties = Object.fromEntries(
    resource.filters.map((filter) => [filter.name, Type.Optional(filter.schema)]),
  );
  return Type.Object(properties, {
    $id: `${schemaId(resource.record)}Filters`,
    additionalProperties: false,
    description: `Filters of the \`${resource.name}\` list, sent as query parameters.`,
  });
}

/** Every schema of the resource that is emitted as a named definition: record, write bodies, filters. */
export function schemasOf(resource: UnifiedResourceDefinition): TObject[] {
  return [resource.record, resource.create, resource.update, filtersSchemaOf(resource)].filter(
    (schema): schema is TObject => schema !== undefined,
  );
}

/** Fields accepted on writes but never echoed back or logged (`writeOnly: true` in a write body). */
export function writeOnlyFieldsOf(resource: UnifiedResourceDefinition): ReadonlySet<string> {
  const fields = new Set<string>();
  for (const body of [resource.create, resource.update]) {
    for (const [name, schema] of Object.entries(body?.properties ?? {}))
      if ((schema as { writeOnly?: boolean }).writeOnly === true) fields.add(name);
  }
  return fields;
}
