/**
 * @module The unified models the API serves, derived from their one definition in `@switchboard/schema`: for
 * each model and resource, the record schema, the write bodies and the filters the contract names, with the
 * query-parameter schema of each. Routes and the OpenAPI document are generated from this table, so a new
 * resource in the schema package is a new set of routes here.
 */
import {
  type FilterDefinition,
  schemaId,
  UNIFIED_MODEL_DEFINITIONS,
  type UnifiedModelDefinition,
} from '@switchboard/schema';

export interface UnifiedResourceSpec {
  /** Component id of the record schema, e.g. `User`. */
  record: string;
  /** Component id of the create body; absent: any object (the integration decides, usually 405). */
  create?: string;
  update?: string;
  filters: readonly string[];
  /** The query-parameter schema of each filter, by name: closed enums list their values. */
  filterSchemas: Record<string, Record<string, unknown>>;
}

export interface UnifiedModelSpec {
  name: string;
  resources: Record<string, UnifiedResourceSpec>;
  /** JSON Schemas of every record and write body, by component id. */
  schemas: Record<string, Record<string, unknown>>;
}

/** Strips TypeBox's symbol keys: the API registers plain JSON Schema. */
function plain(schema: unknown): Record<string, unknown> {
  const { $id: _id, ...rest } = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
  return rest;
}

/**
 * A filter as a query parameter. Closed values are listed, so `status=bogus` answers 400 naming the allowed ones
 * rather than an empty list that looks like "nobody has that status". Other values (an empty one, a date that is
 * not ISO-8601) are checked by the engine against the same definition, with a message naming the filter.
 */
function filterParameter(filter: FilterDefinition): Record<string, unknown> {
  const dateNote = filter.type === 'date-time' ? ' An ISO-8601 date-time, e.g. `2026-01-31T00:00:00Z`.' : '';
  return {
    type: 'string',
    maxLength: 2048,
    description: `${filter.description}${dateNote}`,
    ...(filter.values === undefined ? {} : { enum: [...filter.values] }),
  };
}

function modelSpec(model: UnifiedModelDefinition): UnifiedModelSpec {
  const schemas: Record<string, Record<string, unknown>> = {};
  const resources: Record<string, UnifiedResourceSpec> = {};
  for (const resource of model.resources) {
    const spec: UnifiedResourceSpec = {
      record: schemaId(resource.record),
      filters: resource.filters.map((filter) => filter.name),
      filterSchemas: Object.fromEntries(
        resource.filters.map((filter) => [filter.name, filterParameter(filter)]),
      ),
    };
    schemas[spec.record] = plain(resource.record);
    if (resource.create !== undefined) {
      spec.create = schemaId(resource.create);
      schemas[spec.create] = plain(resource.create);
    }
    if (resource.update !== undefined) {
      spec.update = schemaId(resource.update);
      schemas[spec.update] = plain(resource.update);
    }
    resources[resource.name] = spec;
  }
  return { name: model.name, resources, schemas };
}

/** Every unified model, by URL name. */
export const UNIFIED_MODELS: readonly UnifiedModelSpec[] = UNIFIED_MODEL_DEFINITIONS.map(modelSpec);
