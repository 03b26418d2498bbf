/**
 * @module Where an account's requests really go. An integration declares one or more origins — its `base_url`
 * and, for hosts such as Entra's `login.microsoftonline.com`, absolute token / verify / revoke URLs. The
 * operator may redirect them (`SWITCHBOARD_UPSTREAM_<NAME>`: every declared origin to one origin;
 * `SWITCHBOARD_UPSTREAM_<NAME>_AUTH`: only the absolute auth URLs), paths kept. Every URL the engine sends to,
 * and every absolute link the upstream returns, passes through here, so that with an override in place no
 * request — credentials least of all — can reach a declared host.
 */
import type { CompiledIntegration } from '../../config/compiled-integration.js';
import { ForbiddenUrl } from '../../errors.js';
import { renderTemplate } from '../../mapping/template.js';
import { resolveDeclared } from './resolve-url.js';

/** An operator's redirect of one integration: `all` declared origins, and/or only the `auth` ones. */
export interface UpstreamOverride {
  all?: string;
  auth?: string;
}

/** A plain string is the same as `{ all: string }`. */
export type UpstreamOverrideSetting = string | UpstreamOverride;

/** Which kind of call a URL is for: absolute auth URLs may have their own redirect. */
export type CallKind = 'data' | 'auth';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function parseHttpUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new ForbiddenUrl(`${what} is not a valid URL`, { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ForbiddenUrl(`${what} must use http or https`);
  if (url.username || url.password) throw new ForbiddenUrl('credentials in URLs are not allowed');
  return url;
}

/** The override's origin and path prefix (no trailing slash): `http://sim/prefix` → `http://sim/prefix`. */
function target(setting: string | undefined): string | undefined {
  if (setting === undefined) return undefined;
  const url = parseHttpUrl(setting, 'the upstream override');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export class UpstreamOrigins {
  /** The origins the integration declares for this account (rendered), e.g. `https://graph.microsoft.com`. */
  readonly declared: ReadonlySet<string>;
  /** The declared base URL, rendered, before any redirect. */
  readonly declaredBase: URL;
  /** The base URL requests are sent under (redirected when the operator says so). */
  readonly base: URL;
  readonly #all: string | undefined;
  readonly #auth: string | undefined;
  #linkOrigins: readonly string[] | undefined;

  constructor(
    integration: CompiledIntegration,
    connection: Readonly<Record<string, string>>,
    setting: UpstreamOverrideSetting | undefined,
  ) {
    const override = typeof setting === 'string' ? { all: setting } : (setting ?? {});
    this.#all = target(override.all);
    this.#auth = target(override.auth);
    const base = parseHttpUrl(
      renderTemplate(integration.definition.base_url, { connection }),
      'the base URL',
    );
    base.search = '';
    base.hash = '';
    this.declaredBase = base;
    const declared = new Set([base.origin]);
    for (const origin of declaredAuthOrigins(integration, connection)) declared.add(origin);
    this.declared = declared;
    this.base = this.redirect(base, 'data');
  }

  /** True when some declared origin is sent elsewhere: links on it must be rewritten, not refused. */
  get redirected(): boolean {
    return this.#all !== undefined || this.#auth !== undefined;
  }

  /**
   * The URL a declared (or upstream-returned) URL is really sent to. URLs on origins the integration does not
   * declare are returned unchanged (the caller's origin checks then refuse them).
   */
  redirect(url: URL, kind: CallKind): URL {
    const to = (kind === 'auth' ? this.#auth : undefined) ?? this.#all;
    if (to === undefined || !this.declared.has(url.origin)) return url;
    return new URL(`${to}${url.pathname}${url.search}`);
  }

  /**
   * An absolute URL string on a declared origin, rewritten onto the redirected base's origin (a next link such
   * as Graph's `@odata.nextLink`); anything else is returned as it is, for the usual checks.
   */
  inbound(path: string): string {
    if (!this.redirected || !SCHEME.test(path)) return path;
    let url: URL;
    try {
      url = new URL(path);
    } catch {
      return path;
    }
    return this.redirect(url, 'data').toString();
  }

  /**
   * A URL the `auth:` block declares (token endpoint, verify, revoke): `url` is where it is sent, `declared`
   * what the integration wrote (a JWT's default audience is the declared token URL, whatever the redirect).
   */
  authUrl(path: string): { url: URL; declared: URL } {
    const declared = resolveDeclared(this.declaredBase, path);
    const url = SCHEME.test(path) ? this.redirect(declared, 'auth') : resolveDeclared(this.base, path);
    return { url, declared };
  }

  /** Origins a returned link may point to: where the answer came from, and what it stands for. */
  linkOrigins(): readonly string[] {
    this.#linkOrigins ??= Object.freeze([
      ...new Set([this.base.origin, ...(this.redirected ? this.declared : [])]),
    ]);
    return this.#linkOrigins;
  }
}

/** Origins of the absolute URLs the `auth:` block declares (token, verify, revoke), rendered for the account. */
function declaredAuthOrigins(
  integration: CompiledIntegration,
  connection: Readonly<Record<string, string>>,
): string[] {
  const auth = integration.definition.auth as {
    token_request?: { path?: string };
    verify?: { path?: string };
    revoke?: { path?: string };
  };
  const origins: string[] = [];
  for (const path of [auth.token_request?.path, auth.verify?.path, auth.revoke?.path]) {
    if (path === undefined || !SCHEME.test(path)) continue;
    try {
      origins.push(new URL(renderTemplate(path, { connection })).origin);
    } catch {
      // A value the account lacks: the call itself will report it when it is made.
    }
  }
  return origins;
}
