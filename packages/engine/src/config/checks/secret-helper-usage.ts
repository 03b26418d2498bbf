/**
 * @module `$secret(length)` is bound only where a write body is built (an operation's or a step's `body`): it
 * makes a new password on each call, which a response mapping, a query or a condition has no use for — and
 * elsewhere the call would fail at run time. Reported at the `$secret` inside the expression.
 */
import type { IssueDraft } from '../issue-draft.js';
import { scalarIssue } from './scalar-issue.js';
import type { SemanticCheck } from './semantic-check.js';

const ALLOWED = /^\/unified\/[^/]+\/[^/]+\/[^/]+(\/steps\/\d+)?\/body$/;
const CALL = /\$secret\s*\(/;

export const checkSecretHelperUsage: SemanticCheck = (context) => {
  const issues: IssueDraft[] = [];
  for (const { pointer, value, schema } of context.visits) {
    if (schema['x-jsonata'] !== true || typeof value !== 'string' || ALLOWED.test(pointer)) continue;
    const found = CALL.exec(value);
    if (found)
      issues.push(
        scalarIssue(
          context,
          pointer,
          found.index,
          '`$secret()` is only available in write `body` expressions (of an operation or a step)',
        ),
      );
  }
  return issues;
};
