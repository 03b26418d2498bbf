/**
 * @module `filters:` lists only filters the unified contract defines for that resource
 * (`USER_DIRECTORY_FILTERS` in @switchboard/schema).
 */
import { USER_DIRECTORY_FILTERS } from '@switchboard/schema';
import { showValue } from '../describe-value.js';
import { didYouMean } from '../did-you-mean.js';
import type { IssueDraft } from '../issue-draft.js';
import { childPointer } from '../json-pointer.js';
import type { SemanticCheck } from './semantic-check.js';
import { unifiedOperations } from './unified-operations.js';

const CONTRACT_FILTERS: Record<string, Record<string, readonly string[]>> = {
  'user-directory': USER_DIRECTORY_FILTERS,
};

export const checkUnifiedFilters: SemanticCheck = ({ data }) => {
  const issues: IssueDraft[] = [];
  for (const site of unifiedOperations(data)) {
    const allowed = CONTRACT_FILTERS[site.model]?.[site.resource];
    const filters = site.operation['filters'];
    if (!allowed || !Array.isArray(filters)) continue;
    filters.forEach((filter, index) => {
      if (typeof filter !== 'string' || allowed.includes(filter)) return;
      const suggestion = didYouMean(filter, allowed);
      const hint = suggestion
        ? `, did you mean \`${suggestion}\`?`
        : allowed.length > 0
          ? `; the contract allows ${allowed.map((a) => `\`${a}\``).join(', ')}`
          : '; the contract defines none for it';
      issues.push({
        pointer: childPointer(childPointer(site.pointer, 'filters'), index),
        message: `\`${showValue(filter)}\` is not a filter of unified ${site.resource}${hint}`,
      });
    });
  }
  return issues;
};
