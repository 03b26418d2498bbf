/**
 * @module RFC 8288 `Link` headers with absolute URLs built from the Host the client used (any host is
 * accepted, so `acme.okta.com` or `127.0.0.1:port` alike). Providers differ in which rels they send and
 * whether each is its own header line; they choose with {@link linkValues}.
 */

export interface Link {
  readonly rel: string;
  readonly url: string;
}

/** One `<url>; rel="x"` value per link, for providers that send each as a separate header line. */
export function linkValues(links: readonly Link[]): string[] {
  return links.map((link) => `<${link.url}>; rel="${link.rel}"`);
}

/** All links joined into one header value, as fetch-style clients see repeated lines. */
export function linkHeader(links: readonly Link[]): string {
  return linkValues(links).join(', ');
}
