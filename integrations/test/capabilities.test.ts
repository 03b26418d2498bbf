import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { README_FILE, REGENERATE, withCapabilityTables } from '../scripts/capabilities-readme.js';
import { renderCapabilityTables } from '../scripts/capability-tables.js';
import type { IntegrationCapabilities } from '../scripts/integration-capabilities.js';
import { proxyMethodsOf } from '../scripts/proxy-methods.js';
import { replaceSection } from '../scripts/readme-section.js';

describe('the capability tables of integrations/README.md', () => {
  const readme = readFileSync(README_FILE, 'utf8');
  let generated = '';
  // Loading and compiling every integration file takes a few seconds on a busy machine.
  beforeAll(async () => {
    generated = await withCapabilityTables(readme);
  }, 120_000);

  it(`are generated from the integration files through the engine (run \`${REGENERATE}\`)`, () => {
    expect(readme, `integrations/README.md capability tables are stale: run \`${REGENERATE}\``).toBe(
      generated,
    );
  });

  it('name every shipped integration', () => {
    for (const heading of [
      '### OneLogin (`onelogin`)',
      '### Okta (`okta`)',
      '### Microsoft Entra ID (`entra`)',
    ]) {
      expect(generated).toContain(heading);
    }
  });
});

describe('renderCapabilityTables', () => {
  const acme: IntegrationCapabilities = {
    name: 'acme',
    label: 'Acme',
    unified: {
      'user-directory': {
        users: { methods: ['get', 'list', 'sync'], filters: ['email'], expand: ['groups'] },
        roles: { methods: ['list'], filters: [], expand: [] },
      },
    },
    proxy: { people: ['list', 'get'], lifecycle: ['create'] },
  };

  it('puts methods in reading order, then any other method, and marks what each resource answers', () => {
    expect(renderCapabilityTables([acme])).toBe(
      [
        '### Acme (`acme`)',
        '',
        'Unified `user-directory`:',
        '',
        '| resource | list | get | sync | filters | expand   |',
        '| -------- | ---- | --- | ---- | ------- | -------- |',
        '| users    | ✓    | ✓   | ✓    | `email` | `groups` |',
        '| roles    | ✓    |     |      | –       | –        |',
        '',
        'Proxy resources (`/proxy/<resource>`):',
        '',
        '| resource    | methods   |',
        '| ----------- | --------- |',
        '| `people`    | list, get |',
        '| `lifecycle` | create    |',
      ].join('\n'),
    );
  });

  it('has no expand column when the engine reports no expandable fields at all', () => {
    const { expand: _users, ...users } = acme.unified['user-directory']?.['users'] ?? { expand: [] };
    const older = {
      ...acme,
      unified: { 'user-directory': { users } },
    } as unknown as IntegrationCapabilities;
    expect(renderCapabilityTables([older])).not.toContain('expand');
  });
});

describe('proxyMethodsOf', () => {
  it('lists declared methods in the format order and list + get for a static resource', () => {
    const call = { method: 'GET', path: '/x' } as const;
    expect(proxyMethodsOf({ delete: { method: 'DELETE', path: '/x' }, list: call })).toEqual([
      'list',
      'delete',
    ]);
    expect(proxyMethodsOf({ description: 'fixed', key: 'id', static: [{ id: 'A' }] })).toEqual([
      'list',
      'get',
    ]);
  });
});

describe('replaceSection', () => {
  const markers = { start: '<!-- s -->', end: '<!-- e -->' };

  it('replaces only what lies between the markers', () => {
    const text = 'intro\n<!-- s -->\nold\n<!-- e -->\noutro\n';
    expect(replaceSection(text, markers, 'new\n', 'README.md')).toBe(
      'intro\n<!-- s -->\n\nnew\n\n<!-- e -->\noutro\n',
    );
  });

  it('names the file and the marker it cannot find or that is out of place', () => {
    expect(() => replaceSection('<!-- e -->', markers, '', 'README.md')).toThrow(
      'README.md: marker <!-- s --> not found',
    );
    expect(() => replaceSection('<!-- s -->', markers, '', 'README.md')).toThrow(
      'README.md: marker <!-- e --> not found',
    );
    expect(() => replaceSection('<!-- e --><!-- s -->', markers, '', 'README.md')).toThrow(
      'README.md: <!-- e --> comes before <!-- s -->',
    );
  });
});
