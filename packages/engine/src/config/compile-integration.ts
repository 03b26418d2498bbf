/**
 * @module Stage 6: a validated document → the {@link CompiledIntegration} the runtime uses: the definition
 * frozen, secrets listed, every JSONata expression compiled (by the semantic pass), bound to the evaluated
 * `definitions:` and addressable by pointer.
 */
import type { Integration } from '@switchboard/schema';
import type { DefinitionScope } from '../mapping/definition-scope.js';
import { type CompiledExpression, withDefinitions } from '../mapping/expression.js';
import type { CompiledIntegration } from './compiled-integration.js';
import { deepFreeze } from './deep-freeze.js';
import type { YamlLocator } from './yaml-locator.js';

export interface CompileInput {
  file: string;
  /** The document; the caller guarantees it passed the schema and the semantic pass. */
  definition: Integration;
  expressions: ReadonlyMap<string, CompiledExpression>;
  locator: YamlLocator;
  /** The evaluated `definitions:`, bound into every expression. */
  definitions?: DefinitionScope;
}

const NO_DEFINITIONS: Readonly<Record<string, unknown>> = Object.freeze({});

export function compileIntegration(input: CompileInput): CompiledIntegration {
  const definition = deepFreeze(input.definition);
  const secretFields = new Set(
    Object.entries(definition.connection)
      .filter(([, field]) => field.secret === true)
      .map(([name]) => name),
  );
  const { locator, definitions: scope } = input;
  const expressions = new Map(
    [...input.expressions].map(([pointer, compiled]) => [
      pointer,
      scope === undefined ? compiled : withDefinitions(compiled, scope),
    ]),
  );
  return Object.freeze({
    name: definition.name,
    file: input.file,
    definition,
    secretFields: secretFields as ReadonlySet<string>,
    definitions: scope === undefined ? NO_DEFINITIONS : scope.values(),
    expression: (pointer: string) => expressions.get(pointer),
    locate: (pointer: string) => locator.locate(pointer),
  });
}
