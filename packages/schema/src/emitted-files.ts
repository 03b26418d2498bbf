/**
 * @module The generated files and their stable paths. `scripts/emit.ts` writes them; a test fails when the
 * committed copies are stale.
 */
import { fileURLToPath } from 'node:url';
import { integrationValidatorSource } from './integration-validator-source.js';
import { integrationJsonSchema, userDirectoryJsonSchema } from './json-schema.js';

const dir = fileURLToPath(new URL('../schema/', import.meta.url));
const src = fileURLToPath(new URL('./', import.meta.url));

export interface EmittedFile {
  path: string;
  content: string;
}

export function emittedFiles(): EmittedFile[] {
  const render = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;
  return [
    { path: `${dir}integration.schema.json`, content: render(integrationJsonSchema()) },
    { path: `${dir}user-directory.schema.json`, content: render(userDirectoryJsonSchema()) },
    { path: `${src}integration-validator.generated.js`, content: integrationValidatorSource() },
  ];
}
