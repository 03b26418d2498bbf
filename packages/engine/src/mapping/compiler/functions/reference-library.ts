/**
 * @module jsonata 2.2.2's own function library, read once when the module loads: each function's signature
 * (jsonata's validator, so argument errors are the interpreter's) and its implementation. The synchronous
 * implementations are used as they are (string and number formatting, date pictures, URL and base64 coding:
 * the reference behaviour, not a re-implementation); the compiler supplies its own synchronous versions of the
 * asynchronous ones (higher-order and regex functions). Loading is asynchronous because jsonata evaluates
 * asynchronously; the top-level await runs once per process.
 */
import jsonata from 'jsonata';
import type { Signature } from '../ast.js';

export interface ReferenceFunction {
  readonly implementation: (...args: never[]) => unknown;
  readonly signature?: Signature;
}

export const LIBRARY_NAMES = [
  'sum',
  'count',
  'max',
  'min',
  'average',
  'string',
  'substring',
  'substringBefore',
  'substringAfter',
  'lowercase',
  'uppercase',
  'length',
  'trim',
  'pad',
  'match',
  'contains',
  'replace',
  'split',
  'join',
  'formatNumber',
  'formatBase',
  'formatInteger',
  'parseInteger',
  'number',
  'floor',
  'ceil',
  'round',
  'abs',
  'sqrt',
  'power',
  'random',
  'boolean',
  'not',
  'map',
  'zip',
  'filter',
  'single',
  'reduce',
  'sift',
  'keys',
  'lookup',
  'append',
  'exists',
  'spread',
  'merge',
  'reverse',
  'each',
  'error',
  'assert',
  'type',
  'sort',
  'shuffle',
  'distinct',
  'base64encode',
  'base64decode',
  'encodeUrlComponent',
  'encodeUrl',
  'decodeUrlComponent',
  'decodeUrl',
  'eval',
  'toMillis',
  'fromMillis',
  'clone',
  'now',
  'millis',
] as const;

export type LibraryName = (typeof LIBRARY_NAMES)[number];

async function load(): Promise<Record<LibraryName, ReferenceFunction>> {
  const table = {} as Record<LibraryName, ReferenceFunction>;
  for (const name of LIBRARY_NAMES) {
    const value = (await jsonata(`$${name}`).evaluate(undefined)) as ReferenceFunction | undefined;
    if (value === undefined || typeof value.implementation !== 'function') {
      throw new Error(`jsonata no longer provides $${name}: the compiler's library is out of date`);
    }
    table[name] = value;
  }
  return table;
}

export const REFERENCE: Readonly<Record<LibraryName, ReferenceFunction>> = await load();
