/**
 * @module Regular expressions in the file compile: `connection.<field>.pattern` and
 * `rate_limit.policies[].match.path`. A broken one would otherwise fail on the first customer or request.
 */
import type { IssueDraft } from '../issue-draft.js';
import { toPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';
import type { SemanticCheck } from './semantic-check.js';

function check(source: unknown, segments: (string | number)[], issues: IssueDraft[]): void {
  if (typeof source !== 'string') return;
  try {
    new RegExp(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
    issues.push({ pointer: toPointer(segments), message: `invalid regular expression: ${reason}` });
  }
}

export const checkRegularExpressions: SemanticCheck = ({ data }) => {
  const issues: IssueDraft[] = [];
  if (!isPlainObject(data)) return issues;
  const connection = data['connection'];
  if (isPlainObject(connection)) {
    for (const [name, field] of Object.entries(connection)) {
      if (isPlainObject(field)) check(field['pattern'], ['connection', name, 'pattern'], issues);
    }
  }
  const rateLimit = data['rate_limit'];
  const policies = isPlainObject(rateLimit) ? rateLimit['policies'] : undefined;
  if (Array.isArray(policies)) {
    policies.forEach((policy, index) => {
      const match = isPlainObject(policy) ? policy['match'] : undefined;
      if (isPlainObject(match))
        check(match['path'], ['rate_limit', 'policies', index, 'match', 'path'], issues);
    });
  }
  return issues;
};
