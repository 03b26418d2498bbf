/**
 * @module Graph's two timestamp forms: directory objects carry second precision (`2024-03-01T09:15:00Z`),
 * the logs seven fractional digits (`2024-03-01T09:15:00.1234567Z`). Stored times are epoch ms.
 */

export function secondsIso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export function preciseIso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}0000Z`;
}
