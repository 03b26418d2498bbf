/**
 * @module Stage 1: read a file. Oversized files are refused before they are read (a located issue, like every
 * other problem with the content); a file that cannot be read at all is a `ConfigRead` error.
 */
import { readFile, stat } from 'node:fs/promises';
import { ConfigRead } from '../errors.js';
import type { IssueDraft } from './issue-draft.js';
import { tooLargeIssue } from './parse-yaml.js';

export type FileContent = { text: string } | { issue: IssueDraft };

export async function readIntegrationFile(path: string): Promise<FileContent> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`${path} is not a file`);
    const tooLarge = tooLargeIssue(info.size);
    if (tooLarge) return { issue: tooLarge };
    return { text: await readFile(path, 'utf8') };
  } catch (cause) {
    throw new ConfigRead(path, { cause, details: { file: path } });
  }
}
