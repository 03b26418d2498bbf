/**
 * @module A compiled expression bound to its site: the expression, its place in the file and what it maps are
 * resolved once (when plans are built), and its one evaluation policy turns any failure into `MappingFailed` (or
 * `InvalidInput` for a `$error(…)` on the caller's input). Every evaluation in the engine goes through here.
 */
import type { SourceLocation } from '../config/compiled-integration.js';
import type { CompiledExpression } from './expression.js';
import { type MappingSite, mappingFailure, notCompiled } from './mapping-failure.js';

export interface LocatedExpression extends MappingSite {
  readonly location: SourceLocation;
  readonly compiled: CompiledExpression;
  /** `recordId` names the upstream record in the error when the evaluation fails. */
  evaluate(input: unknown, bindings: Record<string, unknown>, recordId?: unknown): Promise<unknown>;
  /**
   * The same evaluation and failure policy without a promise, for per-record loops; present only when the
   * expression runs compiled.
   */
  readonly evaluateSync:
    | ((input: unknown, bindings: Record<string, unknown>, recordId?: unknown) => unknown)
    | undefined;
}

/** The compiled expression at `site.pointer`; throws when the loader did not compile one there. */
export function locateExpression(site: MappingSite): LocatedExpression {
  const compiled = site.integration.expression(site.pointer);
  if (compiled === undefined) throw notCompiled(site);
  const where: MappingSite = { ...site, location: site.location ?? site.integration.locate(site.pointer) };
  const located: LocatedExpression = {
    ...where,
    location: where.location as SourceLocation,
    compiled,
    evaluate: (input, bindings, recordId) => evaluateOrFail(where, compiled, input, bindings, recordId),
    evaluateSync: syncOrFail(where, compiled),
  };
  return located;
}

function syncOrFail(site: MappingSite, compiled: CompiledExpression): LocatedExpression['evaluateSync'] {
  const { evaluateSync } = compiled;
  if (evaluateSync === undefined) return undefined;
  return (input, bindings, recordId) => {
    try {
      return evaluateSync(input, bindings);
    } catch (error) {
      throw mappingFailure(site, error, recordId);
    }
  };
}

/** The one evaluation policy: evaluate, and turn a failure into the located, classified error. */
export async function evaluateOrFail(
  site: MappingSite,
  compiled: CompiledExpression,
  input: unknown,
  bindings: Record<string, unknown>,
  recordId?: unknown,
): Promise<unknown> {
  try {
    return await compiled.evaluate(input, bindings);
  } catch (error) {
    throw mappingFailure(site, error, recordId);
  }
}

/** True for a site already bound to its expression. */
export function isLocated(site: MappingSite): site is LocatedExpression {
  return 'compiled' in site;
}
