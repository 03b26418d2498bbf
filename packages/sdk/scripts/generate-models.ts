/**
 * Writes `src/models.ts` from the schema package's emitted user-directory JSON Schema.
 * Run by `pnpm --filter @switchboard/sdk generate` (after `pnpm --filter @switchboard/schema build`).
 */
import { writeFileSync } from 'node:fs';
import { MODELS_FILE, renderModelsFile } from './models-file.js';

writeFileSync(MODELS_FILE, renderModelsFile());
console.log(`wrote ${MODELS_FILE}`);
