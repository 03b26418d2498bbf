/**
 * @module A problem found by a stage, before the locator gives it a file, line and column.
 */

export interface IssueDraft {
  /** JSON pointer of the node the problem is about. */
  pointer: string;
  message: string;
  /** `key` points at the key naming the node (unknown or missing keys), `value` (default) at the node itself. */
  at?: 'key' | 'value';
  /** An exact character offset in the file, when the stage knows better than the node (YAML syntax, JSONata). */
  offset?: number;
}
