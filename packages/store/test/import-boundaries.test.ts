/**
 * The store's boundaries (README, "Boundaries"): no HTTP and no API, and the engine only for the shapes it defines
 * (`import type`): the store must run without the engine's behaviour.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
const STATEMENT = /^\s*(import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const imports = sourceFiles(SRC).flatMap((path) =>
  [...readFileSync(path, 'utf8').matchAll(STATEMENT)].map((match) => ({
    file: relative(SRC, path),
    specifier: match[3] ?? '',
    typeOnly: match[2] !== undefined,
  })),
);

it('imports the engine for types only, and never the API, the CLI or an HTTP client', () => {
  expect(imports.length).toBeGreaterThan(50);
  const violations = imports
    .filter(
      (entry) =>
        (entry.specifier === '@switchboard/engine' && !entry.typeOnly) ||
        /^@switchboard\/(?:api|cli|sdk)/.test(entry.specifier) ||
        /^(?:undici|fastify|node:https?)$/.test(entry.specifier),
    )
    .map((entry) => `${entry.file} imports ${entry.specifier}`);
  expect(violations).toEqual([]);
});
