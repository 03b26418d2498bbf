/** @module OneLogin role → unified role, by hand (the `roles` `response:` mapping of onelogin.yaml). */
import { present, put, text, type UnifiedRecord, type UpstreamRecord } from './values.js';

export function mapRole(role: UpstreamRecord): UnifiedRecord {
  const out: UnifiedRecord = {};
  put(out, 'id', text(role['id']));
  put(out, 'name', present(role['name']));
  return out;
}
