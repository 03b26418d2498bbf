/**
 * @module Evaluates the compiled expression at a site, turning any failure into `MappingFailed`.
 */
import { type MappingSite, mappingFailure, notCompiled } from './mapping-failure.js';

export async function evaluateAt(
  site: MappingSite,
  input: unknown,
  bindings: Record<string, unknown>,
  recordId?: unknown,
): Promise<unknown> {
  const expression = site.integration.expression(site.pointer);
  if (expression === undefined) throw notCompiled(site);
  try {
    return await expression.evaluate(input, bindings);
  } catch (error) {
    throw mappingFailure(site, error, recordId);
  }
}
