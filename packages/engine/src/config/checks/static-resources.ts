/**
 * @module A static resource (`static:` records in the file) answers list and get by itself, so it declares no
 * upstream methods; `key:` (the field a get matches) only means something on one, and its records should all
 * carry that key.
 */
import { showValue } from '../describe-value.js';
import type { IssueDraft } from '../issue-draft.js';
import { childPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';
import type { SemanticCheck } from './semantic-check.js';

const METHODS = ['list', 'get', 'create', 'update', 'delete'];

export const checkStaticResources: SemanticCheck = ({ data }) => {
  const issues: IssueDraft[] = [];
  const resources = isPlainObject(data) && isPlainObject(data['resources']) ? data['resources'] : {};
  for (const [name, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource)) continue;
    const at = childPointer('/resources', name);
    const records = resource['static'];
    if (!Array.isArray(records)) {
      if (resource['key'] !== undefined) {
        issues.push({
          pointer: childPointer(at, 'key'),
          at: 'key',
          message:
            '`key:` names the field a static resource matches ids against; this resource has no `static:`',
        });
      }
      continue;
    }
    for (const method of METHODS) {
      if (resource[method] === undefined) continue;
      issues.push({
        pointer: childPointer(at, method),
        at: 'key',
        message: `a static resource answers list and get from its records and declares no methods; remove \`${method}:\` or \`static:\``,
      });
    }
    const key = typeof resource['key'] === 'string' ? resource['key'] : 'id';
    const seen = new Set<string>();
    records.forEach((record, index) => {
      const value = isPlainObject(record) ? record[key] : undefined;
      const pointer = childPointer(childPointer(at, 'static'), index);
      if (typeof value !== 'string' && typeof value !== 'number') {
        issues.push({
          pointer,
          message: `a static record needs a string or number \`${key}\` (the key a get matches)`,
        });
      } else if (seen.has(String(value))) {
        issues.push({
          pointer,
          message: `duplicate \`${key}\` ${showValue(String(value))}: a get could not choose`,
        });
      } else seen.add(String(value));
    });
  }
  return issues;
};
