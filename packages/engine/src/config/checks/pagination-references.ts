/**
 * @module Every `resources.<name>.<method>.pagination` names a scheme declared under `pagination:`.
 */
import { showValue } from '../describe-value.js';
import { didYouMean } from '../did-you-mean.js';
import type { IssueDraft } from '../issue-draft.js';
import { toPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';
import type { SemanticCheck } from './semantic-check.js';

export const checkPaginationReferences: SemanticCheck = ({ data }) => {
  const issues: IssueDraft[] = [];
  if (!isPlainObject(data) || !isPlainObject(data['resources'])) return issues;
  const declared = isPlainObject(data['pagination']) ? Object.keys(data['pagination']) : [];
  for (const [resource, methods] of Object.entries(data['resources'])) {
    if (!isPlainObject(methods)) continue;
    for (const [method, call] of Object.entries(methods)) {
      const name = isPlainObject(call) ? call['pagination'] : undefined;
      if (typeof name !== 'string' || declared.includes(name)) continue;
      const suggestion = didYouMean(name, declared);
      const hint = suggestion
        ? `, did you mean \`${suggestion}\`?`
        : declared.length > 0
          ? `; declared: ${declared.map((d) => `\`${d}\``).join(', ')}`
          : '; no schemes are declared under `pagination:`';
      issues.push({
        pointer: toPointer(['resources', resource, method, 'pagination']),
        message: `unknown pagination scheme \`${showValue(name)}\`${hint}`,
      });
    }
  }
  return issues;
};
