/**
 * @module The base URL of one account: the operator's override, or `base_url` rendered with the account's
 * non-secret connection fields (a secret never ends up in a URL).
 */
import type { CompiledIntegration } from '../../config/compiled-integration.js';
import { ForbiddenUrl } from '../../errors.js';
import { renderTemplate } from '../../mapping/template.js';
import type { AccountContext } from '../upstream.js';

export function publicConnection(
  integration: CompiledIntegration,
  account: AccountContext,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(account.connection).filter(([name]) => !integration.secretFields.has(name)),
  );
}

export function baseUrl(
  integration: CompiledIntegration,
  account: AccountContext,
  overrides: Readonly<Record<string, string>> | undefined,
): URL {
  const text =
    overrides?.[integration.name] ??
    renderTemplate(integration.definition.base_url, { connection: publicConnection(integration, account) });
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new ForbiddenUrl('the base URL is not a valid URL', { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ForbiddenUrl('the base URL must use http or https');
  if (url.username || url.password) throw new ForbiddenUrl('credentials in URLs are not allowed');
  url.search = '';
  url.hash = '';
  return url;
}
