/**
 * @module The human reason an upstream gives when it refuses credentials, from the common error body shapes
 * (OAuth `error_description`/`error`, `message`, OneLogin's v1 `status.message`). Redacted by the caller.
 */

const MAX_LENGTH = 200;

function pick(body: Record<string, unknown>): string | undefined {
  for (const key of ['error_description', 'message', 'error', 'description', 'detail', 'title']) {
    const value = body[key];
    if (typeof value === 'string' && value.trim()) return value;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const nested = pick(value as Record<string, unknown>);
      if (nested) return nested;
    }
  }
  const status = body['status'];
  if (status && typeof status === 'object') return pick(status as Record<string, unknown>);
  const errors = body['errors'];
  if (Array.isArray(errors) && errors[0] && typeof errors[0] === 'object')
    return pick(errors[0] as Record<string, unknown>);
  return undefined;
}

/** `reason (HTTP status)`, or `HTTP status` without a reason, at most 200 characters. */
export function withStatus(reason: string | undefined, status: number): string {
  const text = reason ? `${reason} (HTTP ${status})` : `HTTP ${status}`;
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

export function refusalReason(status: number, body: unknown): string {
  let reason: string | undefined;
  if (typeof body === 'string') reason = body.trim() || undefined;
  else if (body && typeof body === 'object' && !Array.isArray(body))
    reason = pick(body as Record<string, unknown>);
  return withStatus(reason, status);
}
