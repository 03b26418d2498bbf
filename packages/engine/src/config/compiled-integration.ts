/**
 * @module What the loader hands to the rest of the engine: a validated, frozen integration whose every JSONata
 * expression is already compiled. `http/`, `mapping/` and `run/` never see YAML or files.
 */
import type { Integration } from '@switchboard/schema';
import type { CompiledExpression } from '../mapping/expression.js';

/** A place in an integration file. `line`/`column` are 1-based; `pointer` is an RFC 6901 JSON pointer. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  pointer: string;
}

/** One problem found while loading a file. */
export interface ConfigIssue extends SourceLocation {
  message: string;
}

export interface CompiledIntegration {
  readonly name: string;
  /** The path the integration was loaded from. */
  readonly file: string;
  /** The validated document, deeply frozen. */
  readonly definition: Readonly<Integration>;
  /** Connection fields marked `secret: true`. */
  readonly secretFields: ReadonlySet<string>;
  /**
   * The evaluated `definitions:` by name, in file order: plain values (frozen JSON) and functions (JSONata
   * lambdas). Every expression already sees them as `$<name>`; empty when the file has none.
   */
  readonly definitions: Readonly<Record<string, unknown>>;
  /** The compiled expression at a JSON pointer (e.g. `/unified/user-directory/users/list/response`). */
  expression(pointer: string): CompiledExpression | undefined;
  /** Where a JSON pointer sits in the file (nearest existing node). */
  locate(pointer: string): SourceLocation;
}
