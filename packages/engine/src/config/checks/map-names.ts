/**
 * @module Names in named maps (`connection`, `pagination`, `resources`) follow their pattern. The JSON Schema
 * declares the pattern with `patternProperties` only, which lets a non-matching name through unchecked; the
 * loader closes that gap so `Users:` is an error rather than an ignored resource.
 */
import { showValue } from '../describe-value.js';
import type { IssueDraft } from '../issue-draft.js';
import { childPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';
import { allowedKeys, namePatterns } from '../schema-walk.js';
import type { SemanticCheck } from './semantic-check.js';

export const checkMapNames: SemanticCheck = ({ visits }) => {
  const issues: IssueDraft[] = [];
  for (const { pointer, value, schema } of visits) {
    const patterns = namePatterns(schema);
    if (!isPlainObject(value) || patterns.length === 0 || allowedKeys(schema).length > 0) continue;
    if (schema['additionalProperties'] !== undefined) continue;
    const regexes = patterns.map((p) => new RegExp(p, 'u'));
    for (const key of Object.keys(value)) {
      if (regexes.some((re) => re.test(key))) continue;
      issues.push({
        pointer: childPointer(pointer, key),
        at: 'key',
        message: `invalid name \`${showValue(key)}\`: names here must match ${patterns.map((p) => `\`${p}\``).join(' or ')}`,
      });
    }
  }
  return issues;
};
