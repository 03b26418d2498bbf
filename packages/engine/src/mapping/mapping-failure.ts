/**
 * @module Turning a JSONata run-time error into `MappingFailed`: names the integration, what was being mapped,
 * the YAML location (`file:line:col`) of the expression and the upstream record id, and keeps the cause.
 */
import { basename } from 'node:path';
import type { SwitchboardError } from '@switchboard/errors';
import type { CompiledIntegration, SourceLocation } from '../config/compiled-integration.js';
import { InvalidInput, MappingFailed } from '../errors.js';

export interface MappingSite {
  integration: CompiledIntegration;
  /** JSON pointer of the expression, e.g. `/unified/user-directory/users/list/response`. */
  pointer: string;
  /** What was being mapped, e.g. `users.list response` or `users.list pagination`. */
  what: string;
  /** Extra context for `details` (resource, method, model). */
  details?: Record<string, unknown>;
  /** Where `pointer` is in the file, when already known (plans locate their expressions once, at load). */
  location?: SourceLocation;
}

// JSONata guardrail codes, reported in words because `D1012` means nothing to an integration author.
const GUARDRAILS: Record<string, string> = {
  D1011: 'stopped by the recursion-depth guardrail',
  D1012: 'stopped by the evaluation-time guardrail (infinite loop?)',
  D2015: 'stopped by the sequence-length guardrail',
};

// Expressions that read what the caller sent (filters, a write body, an id). When one of them calls `$error(…)`,
// the integration author is refusing the caller's input: that is a 400 with the author's message, not a 502.
const CALLER_INPUT_SITE = /\/(query|body|id|when|headers)$/;
const JSONATA_ERROR_FUNCTION = 'D3137';

/**
 * Builds the error; `recordId` is the upstream record's `id` when it has one. A `$error(…)` raised while reading
 * the caller's input becomes `InvalidInput` instead.
 */
export function mappingFailure(site: MappingSite, error: unknown, recordId?: unknown): SwitchboardError {
  const at = site.location ?? site.integration.locate(site.pointer);
  // The file's name, not its path: errors reach API callers, who have no business knowing server paths.
  const location = `${basename(at.file)}:${at.line}:${at.column}`;
  const jsonata = error !== null && typeof error === 'object' ? (error as Record<string, unknown>) : {};
  const code = typeof jsonata['code'] === 'string' ? jsonata['code'] : undefined;
  const message =
    (code !== undefined ? GUARDRAILS[code] : undefined) ??
    (typeof jsonata['message'] === 'string' ? jsonata['message'] : String(error));
  const id = typeof recordId === 'string' || typeof recordId === 'number' ? String(recordId) : undefined;
  if (code === JSONATA_ERROR_FUNCTION && CALLER_INPUT_SITE.test(site.pointer)) {
    return new InvalidInput(message, {
      cause: error,
      details: { integration: site.integration.name, ...site.details, location, pointer: site.pointer },
    });
  }
  const reason = `${message} at ${location}${id === undefined ? '' : ` (upstream record ${id})`}`;
  return new MappingFailed(`${site.integration.name} ${site.what}`, reason, {
    cause: error,
    details: {
      integration: site.integration.name,
      ...site.details,
      location,
      pointer: site.pointer,
      ...(id === undefined ? {} : { record_id: id }),
      ...(code === undefined ? {} : { jsonata_code: code }),
      ...(typeof jsonata['position'] === 'number' ? { position: jsonata['position'] } : {}),
    },
  });
}

/** The loader compiles every expression; a missing one means the file and the engine disagree. */
export function notCompiled(site: MappingSite): SwitchboardError {
  return mappingFailure(site, new Error('expression was not compiled by the loader'));
}
