/**
 * @module The documents emitted to `packages/schema/schema/` for editors (`# yaml-language-server: $schema=…`),
 * the OpenAPI generator and the conformance kit.
 */
import { Integration } from './integration/integration.js';
import { USER_DIRECTORY } from './unified/user-directory.js';
import { RoleAssignmentCreate, RoleWrite, UserCreate, UserUpdate } from './unified/user-directory-writes.js';

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

/** The unified user-directory models (draft 2020-12), each under `$defs`. */
export function userDirectoryJsonSchema(): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  for (const schema of [
    ...Object.values(USER_DIRECTORY),
    UserCreate,
    UserUpdate,
    RoleWrite,
    RoleAssignmentCreate,
  ]) {
    const { $id, ...rest } = plain(schema) as { $id: string };
    defs[$id] = rest;
  }
  return {
    $schema: DRAFT,
    $id: 'https://switchboard.dev/schema/user-directory.schema.json',
    title: 'Switchboard unified model: user-directory',
    $defs: defs,
  };
}
