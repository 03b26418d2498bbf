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

const DELETE_PATH = `    delete:
      method: DELETE
      path: /v2/users/{{ id }}`;

describe('named placeholders', () => {
  it('are allowed in resource paths, and a unified call must say how to fill them', async () => {
    const text = edit(FIXTURE, DELETE_PATH, `${DELETE_PATH}/sessions/{{ session_id }}`);
    const issues = await issuesOf(text);
    expect(issues).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('`users.delete` needs {{ session_id }}: add an `id:` expression'),
        ...positionOf(text, 'users', '      delete:\n        resource'),
      }),
    ]);
    const filled = edit(
      text,
      '      delete:\n        resource: users\n',
      '      delete:\n        resource: users\n        id: \'{ "id": $id, "session_id": "all" }\'\n',
    );
    expect(await issuesOf(filled)).toEqual([]);
  });

  it('suggests the root a misspelt dotted placeholder meant', async () => {
    const text = edit(FIXTURE, DELETE_PATH, `${DELETE_PATH}/{{ parnet.id }}`);
    const messages = (await issuesOf(text)).map((i) => i.message);
    expect(messages).toContainEqual(expect.stringContaining('did you mean `parent.id`?'));
  });

  it('stay out of base_url', async () => {
    const text = edit(FIXTURE, 'base_url: https://', 'base_url: https://{{ region }}.');
    const messages = (await issuesOf(text)).map((i) => i.message);
    expect(messages).toContainEqual(expect.stringContaining('unknown placeholder `{{ region }}`'));
  });
});
