/**
 * Rewrites the capability tables of `integrations/README.md` from the integration files, through the engine's
 * own capabilities. Run by `pnpm --filter @switchboard/integrations capabilities`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { README_FILE, withCapabilityTables } from './capabilities-readme.js';

const current = readFileSync(README_FILE, 'utf8');
const next = await withCapabilityTables(current);
if (next === current) console.log(`${README_FILE} is up to date`);
else {
  writeFileSync(README_FILE, next);
  console.log(`wrote the capability tables in ${README_FILE}`);
}
