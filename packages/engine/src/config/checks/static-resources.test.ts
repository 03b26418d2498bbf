import { beforeAll, describe, expect, it } from 'vitest';
import type { ConfigIssue } from '../compiled-integration.js';
import { checkIntegrationSource } from '../load-integration.js';
import { edit, FIXTURE } from '../test-fixture.js';

async function messagesOf(text: string): Promise<string[]> {
  const result = await checkIntegrationSource(text, 'acme.yaml');
  return ('issues' in result && result.issues ? result.issues : []).map((i: ConfigIssue) => i.message);
}

beforeAll(async () => {
  await checkIntegrationSource('{}', 'warm-up.yaml');
}, 60_000);

const RESOURCES = 'resources:\n';

describe('static resources', () => {
  it('may be listed and read by unified operations', async () => {
    const text = edit(
      edit(
        FIXTURE,
        RESOURCES,
        `${RESOURCES}  kinds:\n    key: code\n    static:\n      - { code: A, label: Alpha }\n`,
      ),
      '    groups:\n      list:\n        resource: groups\n',
      '    groups:\n      list:\n        resource: kinds\n',
    );
    expect(await messagesOf(text)).toEqual([]);
  });

  it('declare no methods, need their key on every record, and refuse writes', async () => {
    const text = edit(
      edit(
        FIXTURE,
        RESOURCES,
        `${RESOURCES}  kinds:\n    static:\n      - { code: A }\n      - { id: B }\n      - { id: B }\n    list: { method: GET, path: /x }\n  other:\n    key: code\n    list: { method: GET, path: /y }\n`,
      ),
      '      delete:\n        resource: users\n',
      '      delete:\n        resource: kinds\n',
    );
    const messages = await messagesOf(text);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('declares no methods; remove `list:`'),
        expect.stringContaining('needs a string or number `id`'),
        expect.stringContaining('duplicate `id`'),
        expect.stringContaining('this resource has no `static:`'),
        expect.stringContaining('resource `kinds` has no `delete` method'),
      ]),
    );
  });
});
