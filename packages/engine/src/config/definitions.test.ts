import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigInvalid } from '../errors.js';
import type { ConfigIssue } from './compiled-integration.js';
import {
  checkIntegrationSource,
  loadIntegrationSource,
  loadIntegrationSourceSync,
} from './load-integration.js';
import { edit, FIXTURE, positionOf } from './test-fixture.js';

const DEFINITIONS = `definitions:
  enabledStates: '["enabled"]'
  statusOf: 'function($state){ $state in $enabledStates ? "active" : "suspended" }'
`;

/** The fixture with its `definitions:` block replaced by `block`. */
const withDefinitions = (block: string) => edit(FIXTURE, DEFINITIONS, block);

async function issuesOf(text: string): Promise<ConfigIssue[]> {
  const result = await checkIntegrationSource(text, 'acme.yaml');
  if (result.integration) throw new Error('expected the source to be invalid');
  return result.issues;
}

beforeAll(async () => {
  await checkIntegrationSource('{}', 'warm-up.yaml');
}, 60_000);

describe('definitions: at load', () => {
  it('are evaluated once, exposed by name and bound in every expression', async () => {
    const acme = await loadIntegrationSource(FIXTURE, 'acme.yaml');
    expect(Object.keys(acme.definitions)).toEqual(['enabledStates', 'statusOf']);
    expect(acme.definitions['enabledStates']).toEqual(['enabled']);
    expect(Object.isFrozen(acme.definitions['enabledStates'])).toBe(true);
    const response = acme.expression('/unified/user-directory/users/list/response');
    expect(await response?.evaluate({ id: 1, state: 'enabled' })).toMatchObject({ status: 'active' });
    expect(await response?.evaluate({ id: 2, state: 'disabled' })).toMatchObject({ status: 'suspended' });
  });

  it('see the definitions above them, in file order, and may compute tables from them', async () => {
    const acme = await loadIntegrationSource(
      withDefinitions(`definitions:
  types: '{ "1": "login", "2": "logout", "3": "login" }'
  idsByType: '$keys($types){ $lookup($types, $): $join($, ",") }'
  enabledStates: '["enabled"]'
  statusOf: 'function($state){ $state in $enabledStates ? "active" : "suspended" }'
`),
      'acme.yaml',
    );
    expect(acme.definitions['idsByType']).toEqual({ login: '1,3', logout: '2' });
  });

  it('refuse a name the engine binds, at the key', async () => {
    const text = withDefinitions(`${DEFINITIONS}  record: '{}'\n`);
    expect(await issuesOf(text)).toEqual([
      {
        file: 'acme.yaml',
        ...positionOf(text, "record: '{}'"),
        pointer: '/definitions/record',
        message: "definition `record` would shadow the engine's `$record` binding; choose another name",
      },
    ]);
  });

  it('refuse a name that would hide a JSONata function, at the key', async () => {
    const text = withDefinitions(`${DEFINITIONS}  string: '"x"'\n`);
    expect(await issuesOf(text)).toEqual([
      expect.objectContaining({
        ...positionOf(text, `string: '"x"'`),
        pointer: '/definitions/string',
        message: "definition `string` would hide JSONata's `$string` function; choose another name",
      }),
    ]);
  });

  it('report an evaluation error at the failing token inside the YAML', async () => {
    const text = withDefinitions(`${DEFINITIONS}  limit: |\n    1 + $number("ten")\n`);
    const [issue] = await issuesOf(text);
    expect(issue).toMatchObject({
      ...positionOf(text, '$number("ten")'),
      pointer: '/definitions/limit',
      message: expect.stringMatching(/^definition `limit` failed at load: .*number/),
    });
  });

  it('report a definition that uses one defined below it', async () => {
    const text = withDefinitions(`definitions:
  enabledStates: '$states'
  states: '["enabled"]'
  statusOf: 'function($state){ $state in $enabledStates ? "active" : "suspended" }'
`);
    expect(await issuesOf(text)).toEqual([
      expect.objectContaining({
        pointer: '/definitions/enabledStates',
        message: 'definition `enabledStates` evaluates to nothing',
      }),
    ]);
  });

  it('accept functions only as `function(…){ … }` literals of their own', async () => {
    const text = withDefinitions(`${DEFINITIONS}  upper: '$uppercase(?)'
  helpers: '{ "trim": function($s){ $trim($s) } }'
  stamp: 'function($x){ $x & $now() }'
`);
    expect((await issuesOf(text)).map((i) => [i.pointer, i.message])).toEqual([
      [
        '/definitions/upper',
        'definition `upper` a function must be defined by a `function(…){ … }` literal, not computed by another expression',
      ],
      [
        '/definitions/helpers',
        'definition `helpers` holds a function inside a value; define each function as a definition of its own',
      ],
      [
        '/definitions/stamp',
        'definition `stamp` a function defined here cannot call `$now()` (it would read the load time); take the time as an argument',
      ],
    ]);
  });

  it('are checked like every other expression for syntax and names', async () => {
    const text = withDefinitions(`${DEFINITIONS}  Bad: '1'\n  broken: '(1 +'\n`);
    const messages = (await issuesOf(text)).map((i) => i.message);
    expect(messages).toContainEqual(expect.stringMatching(/^JSONata syntax error/));
    expect(messages).toContainEqual(expect.stringMatching(/Bad/));
  });

  it('need the asynchronous loader', () => {
    expect(() => loadIntegrationSourceSync(FIXTURE, 'acme.yaml')).toThrow(ConfigInvalid);
    const without = edit(
      edit(FIXTURE, DEFINITIONS, ''),
      '"status": $statusOf(state),',
      '"status": state = "enabled" ? "active" : "suspended",',
    );
    expect(loadIntegrationSourceSync(without, 'acme.yaml').definitions).toEqual({});
  });
});
