import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAjv } from './ajv.js';
import { emittedFiles } from './emitted-files.js';
import { integrationJsonSchema, userDirectoryJsonSchema } from './json-schema.js';

const minimal = {
  schema_version: 1,
  name: 'acme',
  label: 'Acme',
  connection: { api_key: { type: 'string', label: 'API key', secret: true } },
  base_url: 'https://api.acme.test',
  auth: { type: 'api_key', in: 'header', name: 'X-Api-Key', value: '{{ connection.api_key }}' },
  pagination: {
    default: {
      type: 'cursor',
      cursor: { type: 'header', name: 'Next-Cursor' },
      request: { in: 'query', name: 'cursor' },
      stop: [{ type: 'empty_cursor' }],
    },
  },
  resources: { users: { list: { method: 'GET', path: '/users', pagination: 'default' } } },
  unified: {
    'user-directory': { users: { list: { resource: 'users', response: '{ "id": $string(id) }' } } },
  },
};

describe('emitted JSON Schema files', () => {
  it('are up to date with the TypeScript source (run `pnpm --filter @switchboard/schema build`)', () => {
    for (const file of emittedFiles()) {
      expect(readFileSync(file.path, 'utf8'), `${file.path} is stale`).toBe(file.content);
    }
  });
});

describe('integration schema', () => {
  const validate = createAjv().compile(integrationJsonSchema());

  it('accepts a minimal integration', () => {
    expect(validate(minimal), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects unknown keys everywhere', () => {
    expect(validate({ ...minimal, paginaton: {} })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      keyword: 'additionalProperties',
      params: { additionalProperty: 'paginaton' },
    });
  });

  it('reports one error for a mistake inside a discriminated union variant', () => {
    const broken = { ...minimal, auth: { ...minimal.auth, in: 42 } };
    expect(validate(broken)).toBe(false);
    // Only the chosen variant is checked: every error points at the wrong field, none at the other variants.
    expect(new Set(validate.errors?.map((e) => e.instancePath))).toEqual(new Set(['/auth/in']));
  });

  it('accepts `definitions:` named like JSONata variables, with expressions as values', () => {
    const definitions = { eventTypes: '{ "1": "login" }', v: 'function($x){ $x }', id_of: '$string' };
    expect(validate({ ...minimal, definitions }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...minimal, definitions: { 'Bad-Name': '1' } })).toBe(false);
    expect(validate({ ...minimal, definitions: { table: { a: 1 } } })).toBe(false);
    expect(validate({ ...minimal, definitions: { empty: '' } })).toBe(false);
  });

  it('rejects an unknown auth type by its discriminator', () => {
    expect(validate({ ...minimal, auth: { type: 'magic' } })).toBe(false);
    expect(validate.errors).toHaveLength(1);
    expect(validate.errors?.[0]).toMatchObject({
      instancePath: '/auth',
      keyword: 'discriminator',
      params: { tagValue: 'magic' },
    });
  });
});

describe('user-directory schema', () => {
  const ajv = createAjv();
  ajv.addSchema(userDirectoryJsonSchema());
  const user = ajv.getSchema('https://switchboard.dev/schema/user-directory.schema.json#/$defs/User')!;

  it('accepts a unified user and refuses an invented status', () => {
    expect(
      user({ id: '1', status: 'active', emails: [{ email: 'a@b.c', type: 'work', is_primary: true }] }),
    ).toBe(true);
    expect(user({ id: '1', status: 'disabled' })).toBe(false);
    expect(user({ status: 'active' })).toBe(false);
  });
});
