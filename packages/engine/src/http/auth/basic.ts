/**
 * @module `auth.type: basic` — HTTP Basic authentication.
 */
import type { Auth } from '@switchboard/schema';
import { basicCredentials } from '../../redaction/redactor.js';
import { renderDeclared } from '../render-declared.js';
import { type AuthStrategy, connectionScope } from './strategy.js';

export function basicStrategy(auth: Extract<Auth, { type: 'basic' }>): AuthStrategy {
  return {
    credentialNames: ['authorization'],
    async apply(request, context) {
      const scope = connectionScope(context);
      const username = renderDeclared(auth.username, scope, 'auth.username');
      const password = renderDeclared(auth.password, scope, 'auth.password');
      context.redactor.addSecret(password);
      request.headers['authorization'] = basicCredentials(username, password, context.redactor);
      return {};
    },
  };
}
