import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  checkIntegrationFile,
  compileExpression,
  formatConfigIssues,
  loadIntegrationFile,
} from '@switchboard/engine';
import { createAjv } from '@switchboard/schema';
import { describe, expect, it } from 'vitest';
import { at, ONELOGIN_FILE, onelogin, oneloginDocument, oneloginSource } from './onelogin-file.js';

const require = createRequire(import.meta.url);
const schemaFile = require
  .resolve('@switchboard/schema/package.json')
  .replace(/package\.json$/, 'schema/integration.schema.json');
const integrationSchema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;

interface Found {
  pointer: string;
  value: string;
}

/**
 * Validates with the project's Ajv and collects every string the schema marks as JSONata or as a template, so the
 * checks below find expressions through the schema rather than through a hand-kept list of keys.
 */
function validateAndCollect() {
  const expressions: Found[] = [];
  const templates: Found[] = [];
  const ajv = createAjv();
  for (const [keyword, sink] of [
    ['x-jsonata', expressions],
    ['x-template', templates],
  ] as const) {
    ajv.removeKeyword(keyword);
    ajv.addKeyword({
      keyword,
      schemaType: 'boolean',
      errors: false,
      validate: (_schema: boolean, data: unknown, _parent: unknown, context?: { instancePath: string }) => {
        if (typeof data === 'string') sink.push({ pointer: context?.instancePath ?? '', value: data });
        return true;
      },
    });
  }
  const validate = ajv.compile(integrationSchema);
  const valid = validate(onelogin);
  return { valid, errors: validate.errors ?? [], expressions, templates };
}

const checked = validateAndCollect();

describe('onelogin.yaml', () => {
  it('points editors at the JSON Schema on its first line', () => {
    expect(oneloginSource.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../packages/schema/schema/integration.schema.json',
    );
  });

  it('is well-formed YAML', () => {
    expect(oneloginDocument.errors).toEqual([]);
    expect(oneloginDocument.warnings).toEqual([]);
  });

  it('is valid against the integration JSON Schema', () => {
    expect(checked.errors).toEqual([]);
    expect(checked.valid).toBe(true);
  });

  it('passes the engine loader (schema and semantic checks) with no issues', async () => {
    const checkedByEngine = await checkIntegrationFile(ONELOGIN_FILE);
    expect(formatConfigIssues(checkedByEngine.issues)).toBe('');
    const integration = await loadIntegrationFile(ONELOGIN_FILE);
    expect(integration.name).toBe('onelogin');
    expect([...integration.secretFields]).toEqual(['client_secret']);
    expect(integration.expression('/unified/user-directory/users/list/response')).toBeDefined();
  });

  it('compiles every JSONata expression', () => {
    expect(checked.expressions.length).toBeGreaterThan(40);
    const broken = checked.expressions.flatMap(({ pointer, value }) => {
      const compiled = compileExpression(value);
      return 'evaluate' in compiled ? [] : [`${pointer}: ${compiled.message} at ${compiled.position}`];
    });
    expect(broken).toEqual([]);
  });

  it('uses only template values that exist', () => {
    const fields = Object.keys(at('/connection') as object);
    const known = new Set([...fields.map((f) => `connection.${f}`), 'token.access_token', 'id']);
    const unknown = checked.templates.flatMap(({ pointer, value }) =>
      [...value.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)]
        .map((m) => m[1] as string)
        .filter((ref) => !known.has(ref) && !ref.startsWith('parent.'))
        .map((ref) => `${pointer}: ${ref}`),
    );
    expect(unknown).toEqual([]);
  });

  it('keeps the client secret out of URLs and marks it secret', () => {
    expect(at('/connection/client_secret/secret')).toBe(true);
    const inUrls = checked.templates.filter(
      ({ pointer, value }) =>
        value.includes('client_secret') &&
        (/\/(path|base_url)$/.test(pointer) || pointer.includes('/query/')),
    );
    expect(inUrls).toEqual([]);
  });

  it('refers only to declared pagination schemes, resources and resource methods', () => {
    const schemes = Object.keys(at('/pagination') as object);
    const resources = at('/resources') as Record<string, Record<string, { pagination?: string }>>;
    const problems: string[] = [];
    for (const [name, resource] of Object.entries(resources)) {
      for (const [method, call] of Object.entries(resource)) {
        if (typeof call === 'object' && call.pagination && !schemes.includes(call.pagination)) {
          problems.push(`resources.${name}.${method}: unknown scheme ${call.pagination}`);
        }
      }
    }
    const calls = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const call = node as { resource?: unknown; method?: unknown };
      if (typeof call.resource === 'string') {
        const method = typeof call.method === 'string' ? call.method : 'list';
        if (!resources[call.resource]?.[method]) problems.push(`${path}: no ${call.resource}.${method}`);
      }
      for (const [key, child] of Object.entries(node)) calls(child, `${path}/${key}`);
    };
    calls(at('/unified'), '/unified');
    expect(problems).toEqual([]);
  });

  it('rejects a subdomain that would change the host', () => {
    const pattern = new RegExp(at('/connection/subdomain/pattern') as string);
    expect(['acme', 'acme-eu', 'Acme2'].every((s) => pattern.test(s))).toBe(true);
    for (const bad of ['acme.evil.com', 'evil.com/x', 'acme:8080', '-acme', '', 'a@b']) {
      expect(pattern.test(bad), bad).toBe(false);
    }
  });
});
