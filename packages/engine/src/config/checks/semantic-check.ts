/**
 * @module The interface every semantic check implements. Checks run after the schema, also on documents the
 * schema rejected (so a file's problems are all reported at once), and therefore read the document defensively.
 */
import type { CompiledExpression } from '../../mapping/expression.js';
import type { IssueDraft } from '../issue-draft.js';
import type { SchemaVisit } from '../schema-walk.js';
import type { YamlLocator } from '../yaml-locator.js';

export interface CheckContext {
  /** The document as plain JS (not yet known to be valid). */
  data: unknown;
  /** Every node the schema describes, with the schema that applies there. */
  visits: readonly SchemaVisit[];
  /** The file's text, for offsets inside scalars. */
  text: string;
  locator: YamlLocator;
  /** Filled by the expression check; the compile stage hands these out. */
  expressions: Map<string, CompiledExpression>;
}

export type SemanticCheck = (context: CheckContext) => IssueDraft[];
