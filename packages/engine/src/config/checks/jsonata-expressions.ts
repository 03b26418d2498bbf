/**
 * @module Every string the schema marks `x-jsonata` compiles (with the default guardrails). A syntax error is
 * reported at the bad token's line and column inside the YAML; compiled expressions are kept for the compile
 * stage so nothing is compiled twice.
 */
import { compileExpression, DEFAULT_GUARDRAILS } from '../../mapping/expression.js';
import { badTokenOffset } from '../expression-error-offset.js';
import type { IssueDraft } from '../issue-draft.js';
import { scalarIssue } from './scalar-issue.js';
import type { SemanticCheck } from './semantic-check.js';

export const checkJsonataExpressions: SemanticCheck = (context) => {
  const issues: IssueDraft[] = [];
  for (const { pointer, value, schema } of context.visits) {
    // Empty strings are the schema's to report (`minLength`).
    if (schema['x-jsonata'] !== true || typeof value !== 'string' || value.trim() === '') continue;
    const compiled = compileExpression(value, DEFAULT_GUARDRAILS);
    if ('evaluate' in compiled) {
      context.expressions.set(pointer, compiled);
    } else {
      const offset = badTokenOffset(value, compiled);
      issues.push(scalarIssue(context, pointer, offset, `JSONata syntax error: ${compiled.message}`));
    }
  }
  return issues;
};
