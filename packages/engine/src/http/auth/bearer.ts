/**
 * @module `auth.type: bearer` — a static token as `Authorization: Bearer <token>`.
 */
import type { Auth } from '@switchboard/schema';
import { renderDeclared } from '../render-declared.js';
import { type AuthStrategy, connectionScope } from './strategy.js';

export function bearerStrategy(auth: Extract<Auth, { type: 'bearer' }>): AuthStrategy {
  return {
    credentialNames: ['authorization'],
    async apply(request, context) {
      const token = renderDeclared(auth.token, connectionScope(context), 'auth.token');
      context.redactor.addSecret(token);
      request.headers['authorization'] = `Bearer ${token}`;
      return {};
    },
  };
}
