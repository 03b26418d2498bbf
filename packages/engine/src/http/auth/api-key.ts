/**
 * @module `auth.type: api_key` — a static key in a header or a query parameter.
 */
import type { Auth } from '@switchboard/schema';
import { renderDeclared } from '../render-declared.js';
import { type AuthStrategy, connectionScope } from './strategy.js';

export function apiKeyStrategy(auth: Extract<Auth, { type: 'api_key' }>): AuthStrategy {
  const name = auth.in === 'header' ? auth.name.toLowerCase() : auth.name;
  return {
    credentialNames: [name.toLowerCase()],
    async apply(request, context) {
      const key = renderDeclared(auth.value, connectionScope(context), 'auth.value');
      context.redactor.addSecret(key);
      if (auth.in === 'header') request.headers[name] = key;
      else request.url.searchParams.set(name, key);
      return {};
    },
  };
}
