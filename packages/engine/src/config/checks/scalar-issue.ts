/**
 * @module An issue about a character inside a string value (a JSONata token, a placeholder): located at that
 * character in the file when the string is a YAML scalar, at the node otherwise.
 */
import { isScalar } from 'yaml';
import type { IssueDraft } from '../issue-draft.js';
import { scalarSourceOffset } from '../scalar-offset.js';
import type { CheckContext } from './semantic-check.js';

export function scalarIssue(
  context: CheckContext,
  pointer: string,
  valueOffset: number,
  message: string,
): IssueDraft {
  const node = context.locator.node(pointer);
  if (!isScalar(node)) return { pointer, message };
  return { pointer, message, offset: scalarSourceOffset(context.text, node, valueOffset) };
}
