/**
 * @module Test helpers: the valid fixture and small edits of it, with the expected line of an edit.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_PATH = fileURLToPath(new URL('./fixtures/acme.yaml', import.meta.url));
export const FIXTURE = readFileSync(FIXTURE_PATH, 'utf8');

/** The fixture with one exact piece of text replaced (fails loudly if the text is not there). */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** 1-based line and column of the first occurrence of `needle` (after `after`, if given). */
export function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (offset === -1) throw new Error(`text does not contain ${JSON.stringify(needle)}`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
