/**
 * @module `filters:` lists only filters the unified contract defines for that resource
 * (the resource's definition in @switchboard/schema).
 */
import { unifiedResourceDefinition } from '@switchboard/schema';
import { showValue } from '../describe-value.js';
import { didYouMean } from '../did-you-mean.js';
import type { IssueDraft } from '../issue-draft.js';
import { childPointer } from '../json-pointer.js';
import type { SemanticCheck } from './semantic-check.js';
import { unifiedOperations } from './unified-operations.js';

export const checkUnifiedFilters: SemanticCheck = ({ data }) => {
  const issues: IssueDraft[] = [];
  for (const site of unifiedOperations(data)) {
    const allowed = unifiedResourceDefinition(site.model, site.resource)?.filters.map(
      (filter) => filter.name,
    );
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
