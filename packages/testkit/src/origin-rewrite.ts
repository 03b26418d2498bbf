/**
 * @module Absolute links. An upstream that answers with absolute URLs (Graph's `@odata.nextLink`, a `Link` or
 * `Location` header) names its own origin, which is neither the recording proxy's nor the replay's. The
 * recording proxy therefore rewrites the upstream's origin wherever it appears in a response — to the proxy's URL
 * for the engine, to the replay origin in the fixture — so the same link works on record and on replay.
 *
 * Two ways the engine may address the proxy are handled: with the declared paths kept (`/v1.0/users`, the
 * upstream override of current engines), or under a base URL that replaces the declared one (`/users`).
 */

// A URL under the upstream's origin but outside its base path is reached through this prefix on the proxy.
export const ORIGIN_ROOT = '/~origin';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface OriginRewrite {
  /**
   * Replaces the upstream's origin by `to` in any text, JSON-escaped slashes included. With `pathsKept` false the
   * upstream's base path goes too (the engine addresses paths under its base URL).
   */
  apply(text: string, to: string, pathsKept: boolean): string;
}

interface Pattern {
  regex: RegExp;
  escaped: boolean;
  root: string;
}

function patterns(forms: { from: string; root: string }[]): Pattern[] {
  return forms.flatMap(({ from, root }) =>
    [from, from.replaceAll('/', '\\/')].map((text) => ({
      // Not followed by more host or port characters: `http://h:900` must not match `http://h:9001`.
      regex: new RegExp(`${escapeRegExp(text)}(?![\\w.:-])`, 'g'),
      escaped: text !== from,
      root,
    })),
  );
}

export function originRewrite(upstreamBase: string): OriginRewrite {
  const url = new URL(upstreamBase);
  const basePath = url.pathname.replace(/\/$/, '');
  const kept = patterns([{ from: url.origin, root: '' }]);
  // Longest first: the base URL, then the bare origin (which, with a base path, lands under ORIGIN_ROOT).
  const underBase = patterns([
    { from: `${url.origin}${basePath}`, root: '' },
    ...(basePath ? [{ from: url.origin, root: ORIGIN_ROOT }] : []),
  ]);
  return {
    apply(text, to, pathsKept) {
      let out = text;
      for (const { regex, escaped, root } of pathsKept ? kept : underBase) {
        const target = `${to}${root}`;
        out = out.replace(regex, escaped ? target.replaceAll('/', '\\/') : target);
      }
      return out;
    },
  };
}
