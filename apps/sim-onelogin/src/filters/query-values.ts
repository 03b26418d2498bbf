/** @module Typed reads of filter parameters; each returns `undefined` for absent and throws for malformed. */
import { parseTime } from '@switchboard/sim-kit';

/** A filter parameter that cannot be read; routes turn it into a 400 in their dialect. */
export class BadFilter extends Error {
  constructor(readonly parameter: string) {
    super(`${parameter} is invalid`);
  }
}

export function integerParam(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new BadFilter(name);
  return Number(raw);
}

export function integerListParam(name: string, raw: string | undefined): Set<number> | undefined {
  if (raw === undefined || raw === '') return undefined;
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part))) throw new BadFilter(name);
  return new Set(parts.map(Number));
}

export function timeParam(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const ms = parseTime(raw);
  if (ms === undefined) throw new BadFilter(name);
  return ms;
}
