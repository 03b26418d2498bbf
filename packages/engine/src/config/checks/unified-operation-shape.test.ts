import { beforeAll, describe, expect, it } from 'vitest';
import type { ConfigIssue } from '../compiled-integration.js';
import { checkIntegrationSource } from '../load-integration.js';
import { edit, FIXTURE, positionOf } from '../test-fixture.js';

async function issuesOf(text: string): Promise<ConfigIssue[]> {
  const result = await checkIntegrationSource(text, 'acme.yaml');
  return 'issues' in result && result.issues ? result.issues : [];
}

beforeAll(async () => {
  await checkIntegrationSource('{}', 'warm-up.yaml');
}, 60_000);

const GROUPS_LIST = `    groups:
      list:
        resource: groups
`;

describe('merge, current and enrich keys', () => {
  it('accepts a merged list, a current read and an enrichment', async () => {
    const text = edit(
      edit(
        FIXTURE,
        GROUPS_LIST,
        `    groups:
      list:
        merge:
          order_by: name
          direction: desc
          sources:
            - resource: groups
            - resource: groups
              headers: '{ "X-Second": "yes" }'
`,
      ),
      `      update:
        resource: users
`,
      `      update:
        resource: users
        current: { resource: users }
`,
    );
    expect(await issuesOf(text)).toEqual([]);
  });

  it('refuses merge beside resource, a missing resource, and keys on the wrong method', async () => {
    const both = edit(
      FIXTURE,
      GROUPS_LIST,
      `${GROUPS_LIST}        merge: { sources: [{ resource: groups }, { resource: groups }] }\n`,
    );
    expect(await issuesOf(both)).toEqual([
      expect.objectContaining({ message: expect.stringContaining('remove `resource:`') }),
    ]);
    const neither = edit(FIXTURE, GROUPS_LIST, '    groups:\n      list:\n');
    const issues = await issuesOf(neither);
    expect(issues.map((i) => i.message)).toContainEqual(expect.stringContaining('needs `resource:`'));
    const currentOnList = edit(FIXTURE, GROUPS_LIST, `${GROUPS_LIST}        current: { resource: groups }\n`);
    const [misplaced] = await issuesOf(currentOnList);
    expect(misplaced).toMatchObject({
      message: expect.stringContaining('`current:` is only available on `update` and `delete`'),
      ...positionOf(currentOnList, 'current:'),
    });
  });

  it('refuses $previous in steps planned up front, and names unknown source resources', async () => {
    const text = edit(
      edit(
        FIXTURE,
        '            when: $body.status = "suspended"',
        '            when: $previous.status = "x"',
      ),
      `      update:
        resource: users
`,
      `      update:
        resource: users
        current: { resource: userz }
`,
    );
    const messages = (await issuesOf(text)).map((i) => i.message);
    expect(messages).toContainEqual(expect.stringContaining('`$previous` is not available'));
    expect(messages).toContainEqual(expect.stringContaining('did you mean `users`?'));
  });

  it('suggests the right key for a misspelt new key', async () => {
    const text = edit(FIXTURE, GROUPS_LIST, `${GROUPS_LIST}        enrihc: {}\n`);
    const [issue] = await issuesOf(text);
    expect(issue?.message).toContain('did you mean `enrich`?');
  });
});
