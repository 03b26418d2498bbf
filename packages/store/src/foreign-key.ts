/**
 * @module Recognises a foreign-key violation from either driver, so a write into a missing environment
 * becomes EnvironmentNotFound instead of a driver error.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // 23503 is Postgres' foreign_key_violation.
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
