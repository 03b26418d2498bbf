/**
 * @module `@odata.nextLink`: the request's own URL, absolute on the Host and scheme the client used (so it works
 * behind a redirect or proxy), with every original query option kept and `$skiptoken` replaced.
 */
import { originOf } from '@switchboard/sim-kit';
import type { FastifyRequest } from 'fastify';

/** Like encodeURIComponent, but keeps what Graph leaves readable in its links: `$ , : '`. */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%(24|2C|3A)/gi, (encoded) => decodeURIComponent(encoded));
}

/** The request's own URL with `$skiptoken` replaced; `$` stays literal and spaces become %20, as Graph writes them. */
export function nextLink(request: FastifyRequest, skiptoken: string): string {
  const [path, query = ''] = request.url.split('?', 2) as [string, string?];
  const kept = query
    .split('&')
    .filter((pair) => pair !== '')
    .filter((pair) => {
      const name = decodeURIComponent(pair.split('=', 1)[0] ?? '').toLowerCase();
      return name !== '$skiptoken' && name !== 'skiptoken';
    })
    .map((pair) => {
      const [name = '', ...rest] = pair.split('=');
      const value = decodeURIComponent(rest.join('=').replace(/\+/g, ' '));
      return `${decodeURIComponent(name)}=${encodeQueryValue(value)}`;
    });
  kept.push(`$skiptoken=${skiptoken}`);
  return `${originOf(request)}${path}?${kept.join('&')}`;
}
