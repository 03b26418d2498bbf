/**
 * @module Absolute links. An upstream that answers with absolute URLs (Graph's `@odata.nextLink`, a `Link` or
 * `Location` header) names its own origin; the engine only follows links on its base URL's origin. The recording
 * proxy therefore rewrites the upstream's base URL wherever it appears in a response — to the proxy's URL for the
 * engine, to the replay origin in the fixture — so the same link works on record and on replay.
 */

// A URL under the upstream's origin but outside its base path is reached through this prefix on the proxy.
export const ORIGIN_ROOT = '/~origin';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface OriginRewrite {
  /** Replaces the upstream's base URL (and bare origin) by `to` in any text, JSON-escaped slashes included. */
  apply(text: string, to: string): string;
}

export function originRewrite(upstreamBase: string): OriginRewrite {
  const url = new URL(upstreamBase);
  const basePath = url.pathname.replace(/\/$/, '');
  // Longest first: the base URL, then the bare origin (which, with a base path, lands under ORIGIN_ROOT).
  const forms = (plain: string) => [plain, plain.replaceAll('/', '\\/')];
  const patterns = [
    ...forms(`${url.origin}${basePath}`).map((from) => ({ from, root: '' })),
    ...(basePath ? forms(url.origin).map((from) => ({ from, root: ORIGIN_ROOT })) : []),
  ].map(({ from, root }) => ({
    // Not followed by more host or port characters: `http://h:900` must not match `http://h:9001`.
    regex: new RegExp(`${escapeRegExp(from)}(?![\\w.:-])`, 'g'),
    escaped: from.includes('\\/'),
    root,
  }));
  return {
    apply(text, to) {
      let out = text;
      for (const { regex, escaped, root } of patterns) {
        const target = `${to}${root}`;
        out = out.replace(regex, escaped ? target.replaceAll('/', '\\/') : target);
      }
      return out;
    },
  };
}
