/** @module Integer ids in paths. Anything else is "ID is incorrect" on v1 and simply not found on v2. */

export function readPathId(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) return undefined;
  return Number(raw);
}

export function idParam(params: unknown, name = 'id'): number | undefined {
  return readPathId((params as Record<string, string | undefined>)[name]);
}
