/** @module Where things are, relative to this package (the bench runs from any working directory). */
import { fileURLToPath } from 'node:url';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export const PATHS = {
  benchDir: here('..'),
  repoRoot: here('../..'),
  integrationsDir: here('../../integrations'),
  oneLoginFile: here('../../integrations/onelogin.yaml'),
  defaultResults: here('../results/latest.json'),
  launchers: here('./launchers'),
} as const;
