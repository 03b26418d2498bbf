import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSwitchboardError } from '@switchboard/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigInvalid, ConfigRead } from '../errors.js';
import type { ConfigIssue } from './compiled-integration.js';
import { formatConfigIssues } from './format-issues.js';
import {
  checkIntegrationSource,
  loadIntegrationDirectory,
  loadIntegrationFile,
  loadIntegrationSource,
} from './load-integration.js';
import { edit, FIXTURE, FIXTURE_PATH, positionOf } from './test-fixture.js';

/** The issues a broken source produces (fails if it loads). */
async function issuesOf(text: string, file = 'acme.yaml'): Promise<ConfigIssue[]> {
  try {
    await loadIntegrationSource(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigInvalid);
    return (error as InstanceType<typeof ConfigInvalid>).details['issues'] as ConfigIssue[];
  }
  throw new Error('expected the source to be invalid');
}

// The first load compiles the integration schema (about a second, more on a busy machine).
beforeAll(async () => {
  await checkIntegrationSource('{}', 'warm-up.yaml');
}, 60_000);

describe('a valid integration file', () => {
  it('loads into a frozen, compiled integration', async () => {
    const acme = await loadIntegrationFile(FIXTURE_PATH);
    expect(acme.name).toBe('acme');
    expect(acme.file).toBe(FIXTURE_PATH);
    expect([...acme.secretFields]).toEqual(['client_secret']);
    expect(Object.keys(acme.definition.resources)).toEqual(['users', 'groups', 'group_members', 'events']);
    expect(Object.isFrozen(acme.definition)).toBe(true);
    expect(Object.isFrozen(acme.definition.resources['users']?.list)).toBe(true);
    expect(() => {
      (acme.definition as { name: string }).name = 'other';
    }).toThrow(TypeError);
  });

  it('hands out every expression compiled, by JSON pointer', async () => {
    const acme = await loadIntegrationSource(FIXTURE, 'acme.yaml');
    const response = acme.expression('/unified/user-directory/users/get/response');
    expect(await response?.evaluate({ id: 7, login: 'ada' })).toEqual({ id: '7', username: 'ada' });
    expect(acme.expression('/pagination/default/cursor/path')?.source).toBe('meta.next_cursor');
    expect(
      acme.expression('/unified/user-directory/role_assignments/list/alternatives/0/when'),
    ).toBeDefined();
    expect(acme.expression('/unified/user-directory/users/list/nothing')).toBeUndefined();
  });

  it('locates pointers in the file, falling back to the nearest existing node', async () => {
    const acme = await loadIntegrationSource(FIXTURE, 'acme.yaml');
    expect(acme.locate('/resources/groups/list/path')).toEqual({
      file: 'acme.yaml',
      ...positionOf(FIXTURE, '/v2/groups', 'groups:'),
      pointer: '/resources/groups/list/path',
    });
    expect(acme.locate('/resources/groups/list/nope')).toMatchObject({
      pointer: '/resources/groups/list',
      ...positionOf(FIXTURE, 'method: GET', '  groups:\n    list:'),
    });
  });
});

describe('located issues', () => {
  it('reports an unknown top-level key at its line, with a suggestion', async () => {
    const text = edit(FIXTURE, '\npagination:\n', '\npaginaton:\n');
    const issues = await issuesOf(text);
    expect(issues).toContainEqual({
      file: 'acme.yaml',
      ...positionOf(text, 'paginaton:'),
      pointer: '/paginaton',
      message: 'unknown key `paginaton`, did you mean `pagination`?',
    });
  });

  it('reports a wrong type at the value', async () => {
    const text = edit(FIXTURE, 'max_pages: 1000', 'max_pages: lots');
    expect(await issuesOf(text)).toEqual([
      {
        file: 'acme.yaml',
        ...positionOf(text, 'lots'),
        pointer: '/pagination/default/max_pages',
        message: 'expected a whole number, got a string',
      },
    ]);
  });

  it('reports an unknown union tag once, listing the variants', async () => {
    const text = edit(FIXTURE, 'type: oauth2_client_credentials', 'type: magic');
    expect(await issuesOf(text)).toEqual([
      expect.objectContaining({
        ...positionOf(text, 'magic'),
        pointer: '/auth/type',
        message:
          'unknown auth type `magic`; expected one of `none`, `api_key`, `bearer`, `basic`, `oauth2_client_credentials`, `oauth2_authorization_code`, `oauth2_jwt_bearer`',
      }),
    ]);
  });

  it('points a JSONata syntax error inside a `|` block at the bad token', async () => {
    const text = edit(FIXTURE, '"username": login,', '"username": login login,');
    const [issue] = await issuesOf(text);
    expect(issue).toEqual({
      file: 'acme.yaml',
      ...positionOf(text, 'login,', 'login login'),
      pointer: '/unified/user-directory/users/list/response',
      message: 'JSONata syntax error: Expected "}", got "login"',
    });
  });

  it('points a JSONata error inside a quoted or folded scalar at the bad token too', async () => {
    const quoted = edit(
      FIXTURE,
      `'{ "id": $string(id), "name": title }'`,
      `'{ "id": $string(id) "name": title }'`,
    );
    expect((await issuesOf(quoted))[0]).toMatchObject({ ...positionOf(quoted, '"name": title') });
    const folded = edit(FIXTURE, '"family_name": last_name }\n', '"family_name": last_name ]\n');
    expect((await issuesOf(folded))[0]).toMatchObject({ ...positionOf(folded, ']', 'last_name ]') });
  });

  it('refuses a secret connection field in a URL', async () => {
    const text = edit(FIXTURE, 'path: /v2/events', 'path: /v2/events?key={{ connection.client_secret }}');
    expect(await issuesOf(text)).toEqual([
      expect.objectContaining({
        ...positionOf(text, '{{ connection.client_secret }}'),
        pointer: '/resources/events/list/path',
        message: expect.stringContaining(
          'secret connection field `client_secret` must not be templated into a URL',
        ),
      }),
    ]);
  });

  it('refuses a secret in a verify query but allows an api_key in a query when declared explicitly', async () => {
    const verify = edit(FIXTURE, 'limit: "1"', 'limit: "{{ connection.client_secret }}"');
    expect((await issuesOf(verify)).map((i) => i.pointer)).toEqual(['/auth/verify/query/limit']);
    const apiKey = edit(
      FIXTURE,
      FIXTURE.slice(FIXTURE.indexOf('auth:\n'), FIXTURE.indexOf('pagination:\n')),
      'auth:\n  type: api_key\n  in: query\n  name: key\n  value: "{{ connection.client_secret }}"\n\n',
    );
    expect((await loadIntegrationSource(apiKey, 'acme.yaml')).definition.auth.type).toBe('api_key');
  });

  it('checks where placeholders may be used', async () => {
    const text = edit(
      FIXTURE,
      'Accept: application/json',
      'Accept: "{{ id }} {{ token.x }} {{ connection.tenat }}"',
    );
    expect((await issuesOf(text)).map((i) => i.message)).toEqual([
      "`{{ id }}` is only available in a resource's `path` and `query`",
      '`{{ token.x }}`: `token.*` is only available inside `auth:`',
      '`{{ connection.tenat }}` refers to an undeclared connection field, did you mean `connection.tenant`?',
    ]);
  });

  it('reports a dangling pagination reference', async () => {
    const text = edit(FIXTURE, 'pagination: numbered', 'pagination: numberd');
    expect(await issuesOf(text)).toEqual([
      expect.objectContaining({
        ...positionOf(text, 'numberd'),
        pointer: '/resources/groups/list/pagination',
        message: 'unknown pagination scheme `numberd`, did you mean `numbered`?',
      }),
    ]);
  });

  it('reports unified calls to missing resources and methods', async () => {
    const text = edit(
      edit(FIXTURE, 'resource: groups\n        response', 'resource: grups\n        response'),
      '      delete:\n        resource: users',
      '      delete:\n        resource: groups',
    );
    expect((await issuesOf(text)).map((i) => i.message)).toEqual([
      'resource `groups` has no `delete` method (the default here; set `method:` to call another); it has `list`',
      'unknown resource `grups`, did you mean `groups`?',
    ]);
  });

  it('accepts only the contract filters', async () => {
    const text = edit(FIXTURE, 'filters: [user_id]', 'filters: [user_id, email]');
    expect((await issuesOf(text))[0]?.message).toBe(
      '`email` is not a filter of unified role_assignments; the contract allows `user_id`, `role_id`',
    );
  });

  it('refuses connection patterns that are not regular expressions', async () => {
    const text = edit(FIXTURE, 'pattern: "^[a-z0-9-]+$"', 'pattern: "^[a-z0-9-+$"');
    expect((await issuesOf(text))[0]?.message).toMatch(
      /^invalid regular expression: .*Unterminated character class/,
    );
  });

  it('locates YAML syntax errors', async () => {
    const text = edit(FIXTURE, 'label: Tenant', 'label: [Tenant');
    const [issue] = await issuesOf(text);
    expect(issue?.message).toMatch(/^YAML: /);
    expect(issue?.line).toBeGreaterThanOrEqual(positionOf(text, '[Tenant').line);
  });

  it('fails fast on an anchor bomb', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      '',
    ].join('\n');
    expect(await issuesOf(bomb)).toEqual([
      expect.objectContaining({
        line: 2,
        column: 8,
        message: expect.stringContaining('too many alias expansions'),
      }),
    ]);
  });

  it('refuses nesting deep enough to exhaust the YAML parser, before parsing', async () => {
    expect(await issuesOf(`${'- '.repeat(20_000)}x\n`)).toEqual([
      { file: 'acme.yaml', line: 1, column: 201, pointer: '', message: 'nesting is deeper than 100 levels' },
    ]);
  });

  it('refuses files over 1 MiB before parsing them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sb-config-'));
    try {
      const file = join(dir, 'big.yaml');
      await writeFile(file, `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
      await expect(loadIntegrationFile(file)).rejects.toMatchObject({
        details: {
          issues: [
            { file, line: 1, column: 1, pointer: '', message: expect.stringMatching(/limited to 1 MiB/) },
          ],
        },
      });
      expect((await issuesOf(`name: ${'y'.repeat(1024 * 1024)}`))[0]?.message).toMatch(/limited to 1 MiB/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('collects every problem of a file into one ConfigInvalid', async () => {
    let text = edit(FIXTURE, '\nretry:\n', '\nrety:\n');
    text = edit(text, 'label: Client ID', 'label: 42');
    text = edit(text, '"last_name": family_name,', '"last_name": family_name,,');
    text = edit(text, 'pagination: numbered', 'pagination: pages');
    let caught: unknown;
    try {
      await loadIntegrationSource(text, 'acme.yaml');
    } catch (error) {
      caught = error;
    }
    expect(isSwitchboardError(caught, 'SB_ERR_CONFIG_INVALID')).toBe(true);
    const error = caught as InstanceType<typeof ConfigInvalid>;
    expect(error.message).toMatch(/^4 problems in acme\.yaml; first: acme\.yaml:\d+:\d+ /);
    expect(formatConfigIssues(error.details['issues'] as ConfigIssue[])).toBe(
      [
        `acme.yaml:${positionOf(text, '42').line}:${positionOf(text, '42').column} expected a string, got \`42\` (quote it: "42")`,
        `acme.yaml:${positionOf(text, 'rety:').line}:1 unknown key \`rety\`, did you mean \`retry\`?`,
        `acme.yaml:${positionOf(text, 'pages', 'pagination: pages').line}:${positionOf(text, 'pages', 'pagination: pages').column} unknown pagination scheme \`pages\`; declared: \`default\`, \`numbered\``,
        `acme.yaml:${positionOf(text, ',,').line}:${positionOf(text, ',,').column + 1} JSONata syntax error: The symbol "," cannot be used as a unary operator`,
      ].join('\n'),
    );
  });

  it('reports an empty file as such', async () => {
    expect(await issuesOf('# nothing here\n')).toEqual([
      {
        file: 'acme.yaml',
        line: 1,
        column: 1,
        pointer: '',
        message: expect.stringMatching(/^the file is empty/),
      },
    ]);
  });
});

describe('loadIntegrationDirectory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-integrations-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true });
  });

  it('loads every *.yaml and collects all files’ issues into one ConfigInvalid', async () => {
    await writeFile(join(dir, 'acme.yaml'), FIXTURE);
    await writeFile(join(dir, 'notes.txt'), 'not an integration');
    expect((await loadIntegrationDirectory(dir)).map((i) => i.name)).toEqual(['acme']);

    await writeFile(join(dir, 'b.yaml'), edit(FIXTURE, 'label: Acme Directory', 'labl: Acme Directory'));
    await writeFile(join(dir, 'c.yaml'), edit(FIXTURE, 'name: acme', 'name: other\nextra: 1'));
    await writeFile(join(dir, 'd.yaml'), FIXTURE);
    const error = await loadIntegrationDirectory(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigInvalid);
    const issues = (error as InstanceType<typeof ConfigInvalid>).details['issues'] as ConfigIssue[];
    expect(issues.map((i) => [i.file.slice(dir.length + 1), i.message])).toEqual([
      ['b.yaml', 'missing required key `label`'],
      ['b.yaml', 'unknown key `labl`, did you mean `label`?'],
      ['c.yaml', expect.stringMatching(/^unknown key `extra`; expected one of `schema_version`, `name`/)],
      ['d.yaml', 'integration name `acme` is also used by acme.yaml'],
    ]);
  });

  it('throws ConfigRead for a directory or file that cannot be read', async () => {
    await expect(loadIntegrationDirectory(join(dir, 'missing'))).rejects.toBeInstanceOf(ConfigRead);
    await expect(loadIntegrationFile(join(dir, 'missing.yaml'))).rejects.toMatchObject({
      code: 'SB_ERR_CONFIG_READ',
      cause: expect.objectContaining({ code: 'ENOENT' }),
    });
  });
});
