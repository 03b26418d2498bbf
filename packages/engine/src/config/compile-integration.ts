/**
 * @module Stage 5: a validated document → the {@link CompiledIntegration} the runtime uses: the definition
 * frozen, secrets listed, every JSONata expression compiled (by the semantic pass) and addressable by pointer.
 */
import type { Integration } from '@switchboard/schema';
import type { CompiledExpression } from '../mapping/expression.js';
import type { CompiledIntegration } from './compiled-integration.js';
import { deepFreeze } from './deep-freeze.js';
import type { YamlLocator } from './yaml-locator.js';

export interface CompileInput {
  file: string;
  /** The document; the caller guarantees it passed the schema and the semantic pass. */
  definition: Integration;
  expressions: ReadonlyMap<string, CompiledExpression>;
  locator: YamlLocator;
}

export function compileIntegration(input: CompileInput): CompiledIntegration {
  const definition = deepFreeze(input.definition);
  const secretFields = new Set(
    Object.entries(definition.connection)
      .filter(([, field]) => field.secret === true)
      .map(([name]) => name),
  );
  const expressions = new Map(input.expressions);
  const { locator } = input;
  return Object.freeze({
    name: definition.name,
    file: input.file,
    definition,
    secretFields: secretFields as ReadonlySet<string>,
    expression: (pointer: string) => expressions.get(pointer),
    locate: (pointer: string) => locator.locate(pointer),
  });
}
