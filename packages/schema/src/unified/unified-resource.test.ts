import type { TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { UNIFIED_MODEL_DEFINITIONS, writeOnlyFields } from './models.js';
import { filtersSchemaOf, schemaId } from './unified-resource.js';
import { USER_DIRECTORY_FILTERS } from './user-directory.js';

/** The schema at a dotted path of a record, descending into arrays. */
function fieldSchema(record: TSchema, path: string): TSchema | undefined {
  let node: TSchema | undefined = record;
  for (const step of path.split('.')) {
    if (node?.['type'] === 'array') node = node['items'] as TSchema;
    node = (node?.['properties'] as Record<string, TSchema> | undefined)?.[step];
  }
  return node?.['type'] === 'array' ? (node['items'] as TSchema) : node;
}

const resources = UNIFIED_MODEL_DEFINITIONS.flatMap((model) =>
  model.resources.map((resource) => [`${model.name}/${resource.name}`, resource] as const),
);

describe('unified resource definitions', () => {
  it.each(resources)('%s: every filter tests fields its record has, of the filter’s type', (_, resource) => {
    for (const filter of resource.filters) {
      for (const path of filter.fields) {
        const field = fieldSchema(resource.record, path);
        expect(field, `${filter.name} → ${path}`).toBeDefined();
        expect(field?.['type'], `${filter.name} → ${path}`).toBe('string');
        if (filter.type === 'date-time') expect(field?.['format'], filter.name).toBe('date-time');
        if (filter.type === 'enum') expect(field?.['enum'], filter.name).toEqual(filter.values);
      }
    }
  });

  it.each(resources)(
    '%s: write bodies only name fields the record has (besides write-only ones)',
    (_, resource) => {
      const readable = new Set(Object.keys(resource.record.properties));
      for (const body of [resource.create, resource.update]) {
        for (const [name, schema] of Object.entries(body?.properties ?? {}))
          if ((schema as { writeOnly?: boolean }).writeOnly !== true)
            expect(readable.has(name), `${schemaId(body!)}.${name}`).toBe(true);
      }
    },
  );

  it('derives the filters object each list accepts, closed, every filter optional', () => {
    const users = resources.find(([name]) => name === 'user-directory/users')![1];
    const schema = filtersSchemaOf(users)!;
    expect(schema.$id).toBe('UserFilters');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual([...USER_DIRECTORY_FILTERS.users]);
    expect(schema.required).toBeUndefined();
    const groups = resources.find(([name]) => name === 'user-directory/groups')![1];
    expect(filtersSchemaOf(groups)).toBeUndefined();
  });

  it('knows `password` is write-only on users, and keeps it write-only for resources it does not define', () => {
    expect([...writeOnlyFields('user-directory', 'users')]).toEqual(['password']);
    expect([...writeOnlyFields('user-directory', 'roles')]).toEqual([]);
    expect([...writeOnlyFields('crm', 'contacts')]).toEqual(['password']);
  });
});
