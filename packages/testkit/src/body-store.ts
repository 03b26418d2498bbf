/**
 * @module Large bodies (upstream pages, expected record lists) live once per integration under
 * `fixtures/<integration>/bodies/<hash>.json`, named by their content: a page several scenarios read, or that one
 * scenario reads again for its next unified page, is stored once, and an unchanged page keeps its name when
 * re-recorded. Fixtures and expected files point at them (`body_file:`, `records_file:`).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const BODIES_DIR = 'bodies';

/** Bodies at most this long (as JSON) stay inline, where a reader of the fixture sees them. */
const INLINE_MAX = 2000;

const REFERENCE = /bodies\/[0-9a-f]{16}\.json/g;

/**
 * One element of an array per line, object members on their own lines: compact (no indentation) yet a re-recorded
 * page diffs record by record.
 */
export function serialiseBody(value: unknown): string {
  if (Array.isArray(value)) {
    return value.length === 0 ? '[]' : `[\n${value.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
  }
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${serialiseBody(v)}`);
    return members.length === 0 ? '{}' : `{\n${members.join(',\n')}\n}`;
  }
  return JSON.stringify(value);
}

export class BodyStore {
  constructor(readonly dir: string) {}

  /** Whether `body` is big enough to be stored apart. */
  static large(body: unknown): boolean {
    return body !== null && typeof body === 'object' && JSON.stringify(body).length > INLINE_MAX;
  }

  /** Stores `body` (once) and returns its reference, relative to the fixtures folder. */
  async put(body: unknown): Promise<string> {
    const text = `${serialiseBody(body)}\n`;
    const name = `${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`;
    const path = join(this.dir, BODIES_DIR, name);
    if (!existsSync(path)) {
      await mkdir(join(this.dir, BODIES_DIR), { recursive: true });
      await writeFile(path, text);
    }
    return `${BODIES_DIR}/${name}`;
  }

  async get(reference: string): Promise<unknown> {
    if (!/^bodies\/[0-9a-f]{16}\.json$/.test(reference))
      throw new Error(`not a body reference: ${reference}`);
    const path = join(this.dir, reference);
    try {
      return JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read ${reference} (referenced by a fixture): ${(error as Error).message}`);
    }
  }

  /** Deletes stored bodies no fixture or expected file of the folder refers to any more; returns how many. */
  async prune(): Promise<number> {
    const stored = await readdir(join(this.dir, BODIES_DIR)).catch(() => [] as string[]);
    if (stored.length === 0) return 0;
    const used = new Set<string>();
    for (const file of await readdir(this.dir)) {
      if (!file.endsWith('.yaml')) continue;
      for (const match of (await readFile(join(this.dir, file), 'utf8')).matchAll(REFERENCE))
        used.add(match[0]);
    }
    let removed = 0;
    for (const file of stored) {
      if (used.has(`${BODIES_DIR}/${file}`)) continue;
      await rm(join(this.dir, BODIES_DIR, file));
      removed++;
    }
    return removed;
  }
}
