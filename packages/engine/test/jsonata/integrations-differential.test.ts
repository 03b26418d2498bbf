/**
 * Differential test: every JSONata expression of every integration file (`integrations/*.yaml`), on every
 * record recorded under `integrations/fixtures/**`, gives the same output compiled and interpreted (the same
 * value as the engine emits it, or the same error code and message).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CompiledIntegration } from '../../src/config/compiled-integration.js';
import { checkIntegrationFile } from '../../src/config/load-integration.js';
import { cleanOutput } from '../../src/mapping/clean-output.js';
import { asInterpreted, type CompiledExpression } from '../../src/mapping/expression.js';
import { expressionInventory } from '../../src/mapping/expression-inventory.js';

const INTEGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../integrations');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const PER_SHAPE = 1;

/** The keys and value kinds of an object, one level deep, nulls told apart: what a mapping's paths see. */
function shapeOf(value: object): Record<string, string> {
  const shape: Record<string, string> = {};
  for (const [key, child] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
    shape[key] =
      child === null ? 'null' : Array.isArray(child) ? `array${child.length > 0 ? '+' : ''}` : typeof child;
  }
  return shape;
}

/** Every object a fixture recorded: bodies sent and received, and the objects inside their arrays. */
function recordedObjects(): { records: unknown[]; operations: { query: unknown; request: unknown }[] } {
  const seen = new Map<string, number>();
  const records: unknown[] = [];
  const operations: { query: unknown; request: unknown }[] = [];
  const collect = (value: unknown, depth: number) => {
    if (value === null || typeof value !== 'object' || depth > 4) return;
    if (!Array.isArray(value)) {
      // Records of one shape exercise the same paths: a few of each shape keep the comparison fast.
      const shape = JSON.stringify(shapeOf(value));
      const count = seen.get(shape) ?? 0;
      if (count < PER_SHAPE) {
        seen.set(shape, count + 1);
        records.push(value);
      }
    }
    for (const child of Object.values(value)) {
      if (Array.isArray(child) || Array.isArray(value)) collect(child, depth + 1);
    }
  };
  // Large recorded bodies live once per folder under `bodies/<hash>.json` (see packages/testkit).
  for (const file of filesUnder(join(INTEGRATIONS, 'fixtures')).filter((f) =>
    /\/bodies\/[^/]+\.json$/.test(f),
  ))
    collect(JSON.parse(readFileSync(file, 'utf8')), 0);
  for (const file of filesUnder(join(INTEGRATIONS, 'fixtures')).filter((f) => /\.ya?ml$/.test(f))) {
    const fixture = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    if (fixture === null || typeof fixture !== 'object') continue;
    const operation = (fixture['operation'] ?? {}) as Record<string, unknown>;
    operations.push({ query: operation['filters'] ?? {}, request: operation['body'] });
    for (const exchange of (fixture['exchanges'] ?? []) as Record<string, Record<string, unknown>>[]) {
      collect(exchange['request']?.['body'], 0);
      collect(exchange['response']?.['body'], 0);
    }
    for (const record of (fixture['records'] ?? []) as unknown[]) collect(record, 0);
  }
  return { records, operations };
}

/** Every expression of the file (definitions aside: the others call them). */
function expressionsOf(integration: CompiledIntegration): [string, CompiledExpression][] {
  return expressionInventory(integration)
    .filter(({ pointer }) => !pointer.startsWith('/definitions/'))
    .map(({ pointer, expression }) => [pointer, expression]);
}

type Outcome = { value: unknown } | { code: unknown; message: unknown };

async function outcome(run: () => unknown): Promise<Outcome> {
  try {
    return { value: cleanOutput(await run()) };
  } catch (error) {
    const e = (error ?? {}) as Record<string, unknown>;
    return { code: e['code'], message: e['message'] };
  }
}

const integrationFiles = readdirSync(INTEGRATIONS)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => join(INTEGRATIONS, name));
const { records, operations } = recordedObjects();

describe('integration expressions, compiled and interpreted, on recorded records', () => {
  it('has fixtures to compare on', () => {
    console.log(`differential test: ${records.length} recorded objects, ${operations.length} operations`);
    expect(records.length).toBeGreaterThan(10);
  });

  for (const file of integrationFiles) {
    it(`${file.slice(INTEGRATIONS.length + 1)}: identical outputs`, async () => {
      const checked = await checkIntegrationFile(file);
      if (checked.integration === undefined) {
        // The file's own validity is the loader's and conformance's to report, not this comparison's.
        console.warn(
          `differential test: ${file} does not load (${checked.issues.length} issues), not compared`,
        );
        return;
      }
      const expressions = expressionsOf(checked.integration);
      expect(expressions.length).toBeGreaterThan(0);
      let compared = 0;
      for (const [pointer, compiled] of expressions) {
        const reference = asInterpreted(compiled);
        for (const [index, record] of records.entries()) {
          const operation = operations[index % operations.length] ?? { query: {}, request: undefined };
          const bindings = {
            record,
            body: record,
            headers: { 'content-type': 'application/json' },
            query: operation.query,
            parent: record,
            request: operation.request,
            connection: { subdomain: 'acme' },
            now: '2026-01-01T00:00:00.000Z',
            id: '40000001',
            status: 200,
            records: [record],
            page: 1,
          };
          const [fast, slow] = await Promise.all([
            outcome(() => compiled.evaluate(record, { ...bindings })),
            outcome(() => reference.evaluate(record, { ...bindings })),
          ]);
          expect(fast, `${pointer} on record #${index}`).toEqual(slow);
          compared++;
        }
      }
      expect(compared).toBe(expressions.length * records.length);
    }, 120_000);
  }
});
