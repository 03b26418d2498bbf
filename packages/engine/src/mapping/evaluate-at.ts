/**
 * @module Evaluates the compiled expression at a site, turning any failure into `MappingFailed`: a site already
 * bound to its expression (a plan's) evaluates directly; any other is looked up by its pointer (pagination
 * schemes, auth), and located in the file only if it fails.
 */
import { evaluateOrFail, isLocated } from './located-expression.js';
import { type MappingSite, notCompiled } from './mapping-failure.js';

export async function evaluateAt(
  site: MappingSite,
  input: unknown,
  bindings: Record<string, unknown>,
  recordId?: unknown,
): Promise<unknown> {
  if (isLocated(site)) return site.evaluate(input, bindings, recordId);
  const compiled = site.integration.expression(site.pointer);
  if (compiled === undefined) throw notCompiled(site);
  return evaluateOrFail(site, compiled, input, bindings, recordId);
}
