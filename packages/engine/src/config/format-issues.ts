/**
 * @module The one way config issues are printed: `FILE:LINE:COL message`, one per line, the form editors and
 * terminals turn into links.
 */
import { relative } from 'node:path';
import type { ConfigIssue } from './compiled-integration.js';

export interface FormatOptions {
  /** Print file paths relative to this directory (the CLI passes `process.cwd()`). */
  relativeTo?: string;
}

/**
 * @example
 * formatConfigIssues(error.details.issues)
 * // integrations/acme.yaml:3:1 unknown key `paginaton`, did you mean `pagination`?
 */
export function formatConfigIssues(issues: readonly ConfigIssue[], options: FormatOptions = {}): string {
  return issues
    .map((issue) => {
      const file = options.relativeTo === undefined ? issue.file : relative(options.relativeTo, issue.file);
      return `${file}:${issue.line}:${issue.column} ${issue.message}`;
    })
    .join('\n');
}
