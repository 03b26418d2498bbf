/**
 * @module Request bodies, parsed leniently: Fastify's own JSON parser would answer malformed JSON with its own
 * error shape, while each provider answers malformed JSON in its own words. Routes get a
 * tagged union and decide.
 */
import type { FastifyRequest } from 'fastify';

export type RequestBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'form'; readonly value: Readonly<Record<string, string>> }
  | { readonly kind: 'invalid-json' }
  | { readonly kind: 'other'; readonly mediaType: string };

const NONE: RequestBody = { kind: 'none' };

export function parseRequestBody(contentType: string | undefined, raw: string): RequestBody {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/x-www-form-urlencoded') {
    return { kind: 'form', value: Object.fromEntries(new URLSearchParams(raw)) };
  }
  if (raw.trim() === '') return NONE;
  if (mediaType.includes('json')) {
    try {
      return { kind: 'json', value: JSON.parse(raw) as unknown };
    } catch {
      return { kind: 'invalid-json' };
    }
  }
  return { kind: 'other', mediaType };
}

export function bodyOf(request: FastifyRequest): RequestBody {
  return (request.body as RequestBody | undefined) ?? NONE;
}

export function mediaTypeOf(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
