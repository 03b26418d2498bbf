/**
 * @module Where the generated SDK models come from and go to; shared by `generate-models.ts` (which writes the
 * file) and the staleness test (which compares it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type JsonSchemaDocument, renderModels } from './models-generator.js';

const SOURCE = 'packages/schema/schema/user-directory.schema.json';
const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema/user-directory.schema.json', import.meta.url));
export const MODELS_FILE = fileURLToPath(new URL('../src/models.ts', import.meta.url));

/** What `src/models.ts` should contain, from the committed JSON Schema. */
export function renderModelsFile(): string {
  return renderModels(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as JsonSchemaDocument, SOURCE);
}
