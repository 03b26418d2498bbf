/**
 * @module Which token-cache rows belong to an account. The engine keys a token `<integration>:<account id>`;
 * the store relies on that form (and only on it) so that an account's tokens go with it: deleting the account
 * deletes them, and a token written for an account that no longer exists is not kept.
 */

/** The account a token-cache key names, when it names one of this store's accounts (`ia_…`). */
export function accountOfTokenKey(key: string): string | undefined {
  const id = key.slice(key.lastIndexOf(':') + 1);
  return key.includes(':') && id.startsWith('ia_') ? id : undefined;
}

/** The cache keys among `keys` that belong to the account `id`. */
export function tokenKeysOf(id: string, keys: readonly string[]): string[] {
  return keys.filter((key) => accountOfTokenKey(key) === id);
}
