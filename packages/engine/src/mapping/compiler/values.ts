/**
 * @module JSONata's value predicates: numbers (a non-finite number is an error), functions, effective boolean
 * value and deep equality, written as jsonata 2.2.2 defines them.
 */
import { jsonataError } from './errors.js';

export function isNumeric(value: unknown): value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) return false;
  if (!Number.isFinite(value)) throw jsonataError('D1001', { value });
  return true;
}

export function isFunctionValue(value: unknown): boolean {
  return (
    typeof value === 'function' ||
    (value !== null &&
      typeof value === 'object' &&
      ((value as { _jsonata_function?: unknown })._jsonata_function === true ||
        (value as { _jsonata_lambda?: unknown })._jsonata_lambda === true))
  );
}

export function isArrayOfStrings(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function isArrayOfNumbers(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => isNumeric(item));
}

/** `$boolean`: undefined stays undefined. */
export function toBoolean(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 1) return toBoolean(value[0]);
    return value.length > 1 && value.some((item) => toBoolean(item));
  }
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'boolean') return value;
  if (isNumeric(value)) return value !== 0;
  if (value !== null && typeof value === 'object' && !isFunctionValue(value)) {
    return Object.keys(value).length > 0;
  }
  return false;
}

/** Truthiness where undefined counts as false (`and`, `or`, conditions, predicates). */
export function isTrue(value: unknown): boolean {
  return toBoolean(value) === true;
}

export function isDeepEqual(lhs: unknown, rhs: unknown): boolean {
  if (lhs === rhs) return true;
  if (typeof lhs !== 'object' || typeof rhs !== 'object' || lhs === null || rhs === null) return false;
  if (Array.isArray(lhs) && Array.isArray(rhs)) {
    if (lhs.length !== rhs.length) return false;
    for (let i = 0; i < lhs.length; i++) if (!isDeepEqual(lhs[i], rhs[i])) return false;
    return true;
  }
  const lkeys = Object.getOwnPropertyNames(lhs).sort();
  const rkeys = Object.getOwnPropertyNames(rhs).sort();
  if (lkeys.length !== rkeys.length) return false;
  for (let i = 0; i < lkeys.length; i++) if (lkeys[i] !== rkeys[i]) return false;
  for (const key of lkeys) {
    if (!isDeepEqual((lhs as Record<string, unknown>)[key], (rhs as Record<string, unknown>)[key]))
      return false;
  }
  return true;
}
