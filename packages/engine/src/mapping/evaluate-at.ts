/**
 * @module Evaluates the compiled expression at a site, turning any failure into `MappingFailed`: a site already
 * bound to its expression (a plan's) evaluates directly, any other is located first.
 */
import { isLocated, locateExpression } from './located-expression.js';
import type { MappingSite } from './mapping-failure.js';

export async function evaluateAt(
  site: MappingSite,
  input: unknown,
  bindings: Record<string, unknown>,
  recordId?: unknown,
): Promise<unknown> {
  return await (isLocated(site) ? site : locateExpression(site)).evaluate(input, bindings, recordId);
}
