import { describe, expect, it } from 'vitest';
import { createAjv } from '../ajv.js';
import { userDirectoryJsonSchema } from '../json-schema.js';

describe('activity actions', () => {
  const ajv = createAjv();
  ajv.addSchema(userDirectoryJsonSchema());
  const activity = ajv.getSchema(
    'https://switchboard.dev/schema/user-directory.schema.json#/$defs/Activity',
  )!;
  const at = '2026-12-07T10:00:00Z';

  it('accepts the round-2 actions (group membership, first activation)', () => {
    for (const action of ['group_member_added', 'group_member_removed', 'user_activated']) {
      expect(activity({ id: '1', action, created_at: at }), action).toBe(true);
    }
  });

  it('refuses an action outside the closed enum', () => {
    expect(activity({ id: '1', action: 'member_added', created_at: at })).toBe(false);
  });
});
