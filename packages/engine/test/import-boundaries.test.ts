/**
 * The engine's folder rules (README, "Layout and boundaries"), checked on every import of every source file, so a
 * shortcut across a boundary fails CI instead of slipping in: the engine never imports the store or the API,
 * `mapping/` does no I/O, only `config/` reads files or YAML, only `http/` opens connections, and only `run/`
 * (with `cursor/`) depends on the operation layer. Type-only imports describe shapes, not behaviour: allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

interface Import {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Test helpers live beside the code but are not part of the runtime. */
const isTestSupport = (file: string) => file.startsWith('http/testing/') || file.endsWith('test-fixture.ts');

const STATEMENT = /^\s*(import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

const imports: Import[] = sourceFiles(SRC).flatMap((path) => {
  const file = relative(SRC, path).split('\\').join('/');
  if (isTestSupport(file)) return [];
  const text = readFileSync(path, 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(STATEMENT)) {
    found.push({ file, specifier: match[3] ?? '', typeOnly: match[2] !== undefined });
  }
  for (const match of text.matchAll(DYNAMIC))
    found.push({ file, specifier: match[1] ?? '', typeOnly: false });
  return found;
});

/** Where a relative specifier lands, as a path under src (`http/…`), or undefined for packages. */
function target(entry: Import): string | undefined {
  if (!entry.specifier.startsWith('.')) return undefined;
  return relative(SRC, join(SRC, entry.file, '..', entry.specifier))
    .split('\\')
    .join('/');
}

const violations = (rule: (entry: Import) => boolean) =>
  imports.filter(rule).map((entry) => `${entry.file} imports ${entry.specifier}`);

const FILES_AND_YAML = /^(?:node:fs(?:\/promises)?|fs|yaml|node:worker_threads|node:child_process)$/;
const NETWORK = /^(?:undici|node:(?:http|https|http2|net|tls|dns|dgram))$/;

describe('engine import boundaries', () => {
  it('finds the imports it checks', () => {
    expect(imports.length).toBeGreaterThan(100);
  });

  it('never imports the store, the API, the CLI or the SDK', () => {
    expect(
      violations((entry) => /^@switchboard\/(?:store|api|cli|sdk|testkit|sim-)/.test(entry.specifier)),
    ).toEqual([]);
  });

  it('reads files and YAML only in config/', () => {
    expect(
      violations((entry) => FILES_AND_YAML.test(entry.specifier) && !entry.file.startsWith('config/')),
    ).toEqual([]);
  });

  it('opens connections only in http/', () => {
    expect(violations((entry) => NETWORK.test(entry.specifier) && !entry.file.startsWith('http/'))).toEqual(
      [],
    );
  });

  it('keeps mapping/ free of I/O: no files, network or processes, and nothing from http/ at run time', () => {
    expect(
      violations(
        (entry) =>
          entry.file.startsWith('mapping/') &&
          !entry.typeOnly &&
          (FILES_AND_YAML.test(entry.specifier) ||
            NETWORK.test(entry.specifier) ||
            (target(entry) ?? '').startsWith('http/')),
      ),
    ).toEqual([]);
  });

  it('lets only run/ depend on the operation layer (type-only imports of its contract aside)', () => {
    expect(
      violations(
        (entry) =>
          !entry.file.startsWith('run/') &&
          entry.file !== 'index.ts' &&
          !entry.typeOnly &&
          (target(entry) ?? '').startsWith('run/'),
      ),
    ).toEqual([]);
  });
});
