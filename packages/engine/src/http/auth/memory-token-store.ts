/**
 * @module The default `TokenStore`: tokens in process memory, lost on restart (they are re-obtained).
 */
import type { TokenSet, TokenStore } from '../token-store.js';

export class MemoryTokenStore implements TokenStore {
  readonly #tokens = new Map<string, TokenSet>();

  async get(key: string): Promise<TokenSet | undefined> {
    const token = this.#tokens.get(key);
    return token && structuredClone(token);
  }

  async set(key: string, token: TokenSet): Promise<void> {
    this.#tokens.set(key, structuredClone(token));
  }

  async delete(key: string): Promise<void> {
    this.#tokens.delete(key);
  }
}
