/**
 * @module `rate_limit.policies[]`: a `match` says `method` or `methods`, not both; a policy's `cost` never
 * exceeds its `limit` (such a call could never be paid for); the paths of `cost` entries compile.
 */
import type { IssueDraft } from '../issue-draft.js';
import { toPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';
import type { SemanticCheck } from './semantic-check.js';

function checkMatch(match: unknown, at: (string | number)[], issues: IssueDraft[]): void {
  if (!isPlainObject(match)) return;
  if ('method' in match && 'methods' in match)
    issues.push({
      pointer: toPointer([...at, 'methods']),
      at: 'key',
      message: 'give either `method` or `methods`, not both (e.g. `methods: [GET, POST]`)',
    });
}

function checkCost(cost: unknown, limit: unknown, at: (string | number)[], issues: IssueDraft[]): void {
  if (typeof cost === 'number' && typeof limit === 'number' && cost > limit)
    issues.push({
      pointer: toPointer(at),
      message: `a call costing ${cost} could never be made under a limit of ${limit}`,
    });
}

export const checkRateLimitPolicies: SemanticCheck = ({ data }) => {
  const issues: IssueDraft[] = [];
  const rateLimit = isPlainObject(data) ? data['rate_limit'] : undefined;
  const policies = isPlainObject(rateLimit) ? rateLimit['policies'] : undefined;
  if (!Array.isArray(policies)) return issues;
  policies.forEach((policy, index) => {
    if (!isPlainObject(policy)) return;
    const at = ['rate_limit', 'policies', index];
    checkMatch(policy['match'], [...at, 'match'], issues);
    const cost = policy['cost'];
    if (!Array.isArray(cost)) {
      checkCost(cost, policy['limit'], [...at, 'cost'], issues);
      return;
    }
    cost.forEach((entry, position) => {
      if (!isPlainObject(entry)) return;
      const entryAt = [...at, 'cost', position];
      checkMatch(entry['match'], [...entryAt, 'match'], issues);
      checkCost(entry['cost'], policy['limit'], [...entryAt, 'cost'], issues);
      const match = entry['match'];
      const path = isPlainObject(match) ? match['path'] : undefined;
      if (typeof path !== 'string') return;
      try {
        new RegExp(path);
      } catch (error) {
        const reason =
          error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
        issues.push({
          pointer: toPointer([...entryAt, 'match', 'path']),
          message: `invalid regular expression: ${reason}`,
        });
      }
    });
  });
  return issues;
};
