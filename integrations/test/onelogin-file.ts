/**
 * @module Test helper: `onelogin.yaml` parsed once, and loaded once by the engine's own loader (its JSONata compiled
 * and bound to its `definitions:`) so the tests run exactly what the engine runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CompiledIntegration, loadIntegrationFile } from '@switchboard/engine';
import { parseDocument } from 'yaml';

export const ONELOGIN_FILE = fileURLToPath(new URL('../onelogin.yaml', import.meta.url));
export const oneloginSource = readFileSync(ONELOGIN_FILE, 'utf8');
export const oneloginDocument = parseDocument(oneloginSource);
export const onelogin: unknown = oneloginDocument.toJS();

/** The value at an RFC 6901 JSON pointer, e.g. `/unified/user-directory/users/list/response`. */
export function at(pointer: string): unknown {
  let value: unknown = onelogin;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) {
      throw new Error(`onelogin.yaml has nothing at ${pointer}`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

let loaded: Promise<CompiledIntegration> | undefined;

/** `onelogin.yaml` as the engine loads it (once per test file). */
export function oneloginIntegration(): Promise<CompiledIntegration> {
  loaded ??= loadIntegrationFile(ONELOGIN_FILE);
  return loaded;
}

/**
 * Evaluates the expression at `pointer` and returns its result as the engine would serialise it (JSONata's
 * sequence markers dropped, `undefined` kept as `undefined`).
 */
export async function evaluateAt(
  pointer: string,
  input: unknown,
  bindings: Record<string, unknown> = {},
): Promise<unknown> {
  if (typeof at(pointer) !== 'string') throw new Error(`${pointer} is not an expression`);
  const compiled = (await oneloginIntegration()).expression(pointer);
  if (compiled === undefined) throw new Error(`${pointer} was not compiled by the loader`);
  const result = await compiled.evaluate(input, bindings);
  return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
}

/** Shorthand for the unified user-directory operations. */
export const ud = (path: string): string => `/unified/user-directory/${path}`;
