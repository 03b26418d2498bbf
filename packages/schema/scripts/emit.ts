/** Writes the JSON Schema files to `packages/schema/schema/` and the standalone integration validator. Run by `pnpm --filter @switchboard/schema build`. */
import { writeFileSync } from 'node:fs';
import { emittedFiles } from '../src/emitted-files.js';

for (const file of emittedFiles()) {
  writeFileSync(file.path, file.content);
  console.log(`wrote ${file.path}`);
}
