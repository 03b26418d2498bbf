/** @module Reading `limit`: missing or unusable values fall back to the default, large ones are capped. */

export interface PageSizeRule {
  readonly defaultLimit: number;
  readonly maxLimit: number;
}

export function readLimit(raw: string | undefined, rule: PageSizeRule): number {
  const limit = raw === undefined ? Number.NaN : Number(raw);
  if (!Number.isInteger(limit) || limit < 1) return rule.defaultLimit;
  return Math.min(limit, rule.maxLimit);
}
