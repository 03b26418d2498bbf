/**
 * @module The documents emitted to `packages/schema/schema/` for editors (`# yaml-language-server: $schema=…`),
 * the OpenAPI generator and the conformance kit.
 */
import { Integration } from './integration/integration.js';
import { schemaId, schemasOf, type UnifiedModelDefinition } from './unified/unified-resource.js';
import { USER_DIRECTORY_MODEL } from './unified/user-directory.js';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** Strips TypeBox's symbol keys by round-tripping through JSON: the emitted file is plain JSON Schema. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The integration file format (draft 2020-12). */
export function integrationJsonSchema(): Record<string, unknown> {
  return {
    $schema: DRAFT,
    $id: 'https://switchboard.dev/schema/integration.schema.json',
    title: 'Switchboard integration file',
    ...plain(Integration),
  };
}

/**
 * A unified model (draft 2020-12): each resource's record, write bodies and filters (`<Record>Filters`) under
 * `$defs`, in resource order.
 */
export function unifiedModelJsonSchema(model: UnifiedModelDefinition): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  for (const resource of model.resources) {
    for (const schema of schemasOf(resource)) {
      const { $id: _id, ...rest } = plain(schema) as { $id: string };
      defs[schemaId(schema)] = rest;
    }
  }
  return {
    $schema: DRAFT,
    $id: `https://switchboard.dev/schema/${model.name}.schema.json`,
    title: `Switchboard unified model: ${model.name}`,
    $defs: defs,
  };
}

/** The unified user-directory model (draft 2020-12). */
export function userDirectoryJsonSchema(): Record<string, unknown> {
  return unifiedModelJsonSchema(USER_DIRECTORY_MODEL);
}
