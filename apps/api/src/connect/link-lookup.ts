/**
 * @module Finds the link token a connect request is about. The store only tells "usable" from "not usable", so
 * a malformed token is `not-found` (404) and a well-formed one that the store does not return (expired, spent,
 * or never issued) is `gone` (410).
 */
import type { LinkToken, Store } from '@switchboard/store';

/** `lt_` and a base64url body (the store issues 43 characters; a little slack either way). */
const LINK_TOKEN_FORMAT = /^lt_[A-Za-z0-9_-]{16,128}$/;

export type LinkLookup = { link: LinkToken } | { stop: 'not-found' | 'gone' };

export async function lookUpLink(store: Store, token: string): Promise<LinkLookup> {
  if (!LINK_TOKEN_FORMAT.test(token)) return { stop: 'not-found' };
  const link = await store.linkTokens.peek(token);
  return link === undefined ? { stop: 'gone' } : { link };
}
