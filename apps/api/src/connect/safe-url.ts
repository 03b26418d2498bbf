/**
 * @module URLs that come from outside and end up in a page or a header: the opener's origin (a query parameter
 * set by connect.js) and the link token's `redirect_url`. Only plain http(s) values pass.
 */

const MAX_URL_LENGTH = 2048;

/**
 * The serialized origin when `value` is exactly an http(s) origin (`https://app.example.com[:port]`), else
 * `undefined`. Used as the `postMessage` target, so anything looser would widen who hears the account id.
 */
export function openerOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) return undefined;
  const url = parseHttpUrl(value);
  return url !== undefined && url.origin === value ? url.origin : undefined;
}

/** The redirect target with `integrated_account_id` appended, or `undefined` when it is not a usable http(s) URL. */
export function redirectTarget(redirectUrl: string | null, accountId: string): string | undefined {
  const url = redirectUrl === null ? undefined : parseHttpUrl(redirectUrl);
  if (url === undefined) return undefined;
  url.searchParams.set('integrated_account_id', accountId);
  return url.href;
}

/** The origin of a usable redirect URL (for the CSP's `form-action`). */
export function redirectOrigin(redirectUrl: string | null): string | undefined {
  return redirectUrl === null ? undefined : parseHttpUrl(redirectUrl)?.origin;
}

function parseHttpUrl(value: string): URL | undefined {
  if (value.length > MAX_URL_LENGTH || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Credentials in a redirect target would be shown in the address bar and sent on; refuse them.
  if (url.username !== '' || url.password !== '') return undefined;
  return url;
}
