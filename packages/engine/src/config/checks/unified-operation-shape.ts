/**
 * @module Which keys of a unified operation go together — what the schema cannot say:
 * - an operation names exactly one of `resource:` and `merge:` (an alternative may inherit its resource);
 * - `merge:` only on lists and without `for_each`; `enrich:` only on lists and gets; `current:` only on updates
 *   and deletes;
 * - with `current:`, steps are planned before any call, so `$previous` (the answer of the call before) is not
 *   available to them.
 */
import type { IssueDraft } from '../issue-draft.js';
import { childPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';
import type { SemanticCheck } from './semantic-check.js';
import { unifiedOperations } from './unified-operations.js';

const ONLY_ON: Record<string, readonly string[]> = {
  merge: ['list'],
  enrich: ['list', 'get'],
  current: ['update', 'delete'],
};

const PREVIOUS = /\$previous\b/;

export const checkUnifiedOperationShape: SemanticCheck = ({ data }) => {
  const issues: IssueDraft[] = [];
  for (const site of unifiedOperations(data)) {
    const { operation, pointer, method } = site;
    const isAlternative = pointer.includes('/alternatives/');
    const hasResource = operation['resource'] !== undefined;
    const hasMerge = operation['merge'] !== undefined;
    if (hasResource && hasMerge) {
      issues.push({
        pointer: childPointer(pointer, 'merge'),
        at: 'key',
        message: 'an operation with `merge:` reads its `sources:`; remove `resource:` (or `merge:`)',
      });
    } else if (!hasResource && !hasMerge && !isAlternative) {
      issues.push({
        pointer,
        at: 'key',
        message: `${method} needs \`resource:\` (the upstream resource that answers it) or \`merge:\``,
      });
    }
    for (const [key, methods] of Object.entries(ONLY_ON)) {
      if (operation[key] === undefined || methods.includes(method)) continue;
      issues.push({
        pointer: childPointer(pointer, key),
        at: 'key',
        message: `\`${key}:\` is only available on ${methods.map((m) => `\`${m}\``).join(' and ')}, not on \`${method}\``,
      });
    }
    if (hasMerge && operation['for_each'] !== undefined) {
      issues.push({
        pointer: childPointer(pointer, 'for_each'),
        at: 'key',
        message: '`for_each:` cannot be combined with `merge:`',
      });
    }
    const steps = operation['steps'];
    if (operation['current'] !== undefined && Array.isArray(steps)) {
      steps.forEach((step, index) => {
        if (!isPlainObject(step)) return;
        for (const field of ['when', 'id', 'body']) {
          const text = step[field];
          if (typeof text !== 'string' || !PREVIOUS.test(text)) continue;
          issues.push({
            pointer: childPointer(childPointer(childPointer(pointer, 'steps'), index), field),
            message:
              'with `current:` every step is planned before the first call, so `$previous` is not available; read `$current` instead',
          });
        }
      });
    }
  }
  return issues;
};
