import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_ACTIONS,
  ACTIVITY_FIELDS,
  ACTOR_FIELDS,
  ACTOR_TYPES,
  CONTEXT_FIELDS,
  EMAIL_FIELDS,
  EMAIL_TYPES,
  GROUP_FIELDS,
  GROUP_TYPES,
  MANAGER_FIELDS,
  PHONE_FIELDS,
  PHONE_TYPES,
  REF_FIELDS,
  ROLE_ASSIGNMENT_CREATE_FIELDS,
  ROLE_ASSIGNMENT_FIELDS,
  ROLE_FIELDS,
  ROLE_WRITE_FIELDS,
  TARGET_FIELDS,
  TARGET_TYPES,
  USER_CREATE_FIELDS,
  USER_FIELDS,
  USER_STATUSES,
  USER_UPDATE_FIELDS,
  USER_UPDATE_STATUSES,
} from './models.js';

// The JSON Schemas the schema package emits: the source of truth the hand-written SDK types must follow.
interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: string[];
}
const schemaFile = new URL('../../schema/schema/user-directory.schema.json', import.meta.url);
const defs = (JSON.parse(readFileSync(schemaFile, 'utf8')) as { $defs: Record<string, JsonSchema> }).$defs;

type Fields = Record<string, 'required' | 'optional'>;

const MODELS: Record<string, Fields> = {
  User: USER_FIELDS,
  Group: GROUP_FIELDS,
  Role: ROLE_FIELDS,
  RoleAssignment: ROLE_ASSIGNMENT_FIELDS,
  Activity: ACTIVITY_FIELDS,
  UserCreate: USER_CREATE_FIELDS,
  UserUpdate: USER_UPDATE_FIELDS,
  RoleWrite: ROLE_WRITE_FIELDS,
  RoleAssignmentCreate: ROLE_ASSIGNMENT_CREATE_FIELDS,
};

/** `User.emails[]`-style paths into a model, to the nested object schemas the SDK declares. */
const NESTED: [string, Fields][] = [
  ['User.emails[]', EMAIL_FIELDS],
  ['User.phones[]', PHONE_FIELDS],
  ['User.manager', MANAGER_FIELDS],
  ['User.groups[]', REF_FIELDS],
  ['User.roles[]', REF_FIELDS],
  ['Activity.actor', ACTOR_FIELDS],
  ['Activity.target', TARGET_FIELDS],
  ['Activity.context', CONTEXT_FIELDS],
];

const ENUMS: [string, readonly string[]][] = [
  ['User.status', USER_STATUSES],
  ['UserUpdate.status', USER_UPDATE_STATUSES],
  ['User.emails[].type', EMAIL_TYPES],
  ['User.phones[].type', PHONE_TYPES],
  ['Group.type', GROUP_TYPES],
  ['Activity.action', ACTIVITY_ACTIONS],
  ['Activity.actor.type', ACTOR_TYPES],
  ['Activity.target.type', TARGET_TYPES],
];

function at(path: string): JsonSchema {
  const [model, ...steps] = path.split('.');
  let node = defs[model ?? ''];
  for (const step of steps) {
    const name = step.replace(/\[\]$/, '');
    node = node?.properties?.[name];
    if (step.endsWith('[]')) node = node?.items;
  }
  if (node === undefined) throw new Error(`${path} is not in user-directory.schema.json`);
  return node;
}

function presence(schema: JsonSchema): Fields {
  const required = new Set(schema.required ?? []);
  return Object.fromEntries(
    Object.keys(schema.properties ?? {}).map((key) => [key, required.has(key) ? 'required' : 'optional']),
  );
}

describe('the SDK models match the emitted JSON Schemas', () => {
  it('declares a type for every $defs model', () => {
    expect(Object.keys(MODELS).sort()).toEqual(Object.keys(defs).sort());
  });

  it.each(Object.entries(MODELS))(
    '%s has every schema property, no invented one, same required set',
    (name, fields) => {
      expect(fields).toEqual(presence(at(name)));
    },
  );

  it.each(NESTED)('%s matches its nested object schema', (path, fields) => {
    expect(fields).toEqual(presence(at(path)));
  });

  it.each(ENUMS)('%s lists the same enum values', (path, values) => {
    expect([...values]).toEqual(at(path).enum);
  });
});
