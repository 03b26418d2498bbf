/** @module OneLogin group → unified group, by hand (the `groups` `response:` mapping of onelogin.yaml). */
import { present, put, text, type UnifiedRecord, type UpstreamRecord } from './values.js';

export function mapGroup(group: UpstreamRecord): UnifiedRecord {
  const out: UnifiedRecord = {};
  put(out, 'id', text(group['id']));
  put(out, 'name', present(group['name']));
  out['type'] = 'group';
  return out;
}
