/**
 * @module OneLogin user (v1 or v2) → unified user, by hand: the `users` `response:` mapping of
 * integrations/onelogin.yaml written in TypeScript, as the baseline the engine's mapping is measured against.
 */
import { idText, present, put, text, truthy, type UnifiedRecord, type UpstreamRecord } from './values.js';

/** `state` 2 (rejected) wins; then OneLogin's status codes (§6.2 of the OneLogin reference). */
function statusOf(status: unknown, state: unknown): string | undefined {
  if (state === 2) return 'suspended';
  if (status === 1) return 'active';
  if (status === 0 || status === 7) return 'invited';
  if (status === 2) return 'suspended';
  if (status === 3 || status === 4 || status === 5 || status === 8) return 'locked';
  return undefined;
}

function customFields(attributes: unknown): UnifiedRecord | undefined {
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) return undefined;
  const kept: UnifiedRecord = {};
  let any = false;
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== '') {
      kept[key] = value;
      any = true;
    }
  }
  return any ? kept : undefined;
}

export function mapUser(user: UpstreamRecord): UnifiedRecord {
  const first = present(user['firstname']);
  const last = present(user['lastname']);
  const out: UnifiedRecord = {};
  put(out, 'id', text(user['id']));
  put(out, 'external_id', idText(user['external_id']));
  put(out, 'username', present(user['username']));
  put(out, 'first_name', first);
  put(out, 'last_name', last);
  const name = [first, last].filter((part) => part !== undefined).join(' ');
  put(out, 'name', present(name));
  put(out, 'title', present(user['title']));
  put(out, 'department', present(user['department']));
  put(out, 'company', present(user['company']));
  if (truthy(present(user['email']))) {
    out['emails'] = [{ email: user['email'], type: 'work', is_primary: true }];
  }
  if (truthy(present(user['phone']))) out['phones'] = [{ number: user['phone'], type: 'work' }];
  put(out, 'status', statusOf(user['status'], user['state']));
  const manager = idText(user['manager_user_id']);
  if (truthy(manager)) out['manager'] = { id: manager };
  const group = idText(user['group_id']);
  if (truthy(group)) out['groups'] = [{ id: group }];
  // v2 says role_ids, v1 role_id.
  const roleIds = user['role_ids'] !== undefined ? user['role_ids'] : user['role_id'];
  if (Array.isArray(roleIds)) out['roles'] = roleIds.map((role: unknown) => ({ id: text(role) }));
  put(out, 'custom_fields', customFields(user['custom_attributes']));
  put(out, 'last_login_at', present(user['last_login']));
  put(out, 'created_at', present(user['created_at']));
  put(out, 'updated_at', present(user['updated_at']));
  return out;
}
