/**
 * @module `definitions:` — named JSONata values (lookup tables, helper functions) that an integration file shares
 * between its expressions. Each is evaluated once, when the file loads, and bound as `$<name>` everywhere else.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { Closed, Expression } from './primitives.js';

/** A definition's name; it is used as `$<name>` in the file's expressions. */
export const DEFINITION_NAME_PATTERN = '^[a-z][a-zA-Z0-9_]*$';

export const Definitions = Type.Record(
  Type.String({ pattern: DEFINITION_NAME_PATTERN }),
  Expression(
    'Evaluated once at load, with no input and the definitions above it in scope. Its value (a table, a list, ' +
      'a `function($x){ … }`) is bound as `$<name>` in every other expression of the file.',
  ),
  {
    ...Closed,
    description:
      'Named JSONata values shared by the expressions of this file, evaluated once at load in file order. A ' +
      'function must be a `function(…){ … }` literal; it sees its arguments, JSONata functions and the ' +
      'definitions (itself included), never the engine bindings. Names may not shadow an engine binding ' +
      '(`$record`, `$body`, …) or a JSONata function.',
  },
);
export type Definitions = Static<typeof Definitions>;
