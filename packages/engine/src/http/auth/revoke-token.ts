/**
 * @module Unlinking: `auth.revoke` with the token the replicas share, then the cached token is forgotten in
 * every case. A 4xx means the token was already invalid — the outcome revoke wants.
 */
import { UpstreamStatus } from '../../errors.js';
import { templateReferences } from '../../mapping/template.js';
import type { EngineLogger } from '../../run/contract.js';
import type { UpstreamSession } from '../account-session.js';
import { declaredReason } from './declared-reason.js';

const isSuccess = (status: number) => status >= 200 && status <= 299;

export async function revokeToken(upstream: UpstreamSession, logger?: EngineLogger): Promise<void> {
  const tokens = upstream.shared.tokens;
  const declared = upstream.integration.definition.auth.revoke;
  try {
    if (!declared) return;
    // Another replica may have refreshed it: revoke the token they share, not a stale local copy.
    const token = await tokens.readShared(upstream.accountKey);
    upstream.redactor.addSecret(token?.access_token);
    upstream.redactor.addSecret(token?.refresh_token);
    const templates = [
      declared.path,
      ...Object.values(declared.query ?? {}),
      ...Object.values(declared.headers ?? {}),
      ...Object.values(declared.body ?? {}),
    ];
    const needsToken = templates.some((template) =>
      templateReferences(template).some((reference) => reference.startsWith('token.')),
    );
    // Nothing cached means nothing to revoke.
    if (needsToken && !token) return;
    const answer = await upstream.sendDeclared(declared, 'auth.revoke', {
      withAuth: false,
      ...(token ? { token } : {}),
    });
    if (isSuccess(answer.status)) return;
    if (answer.status >= 400 && answer.status < 500) {
      if (logger) {
        const reason = await declaredReason(
          upstream.integration,
          '/auth/revoke/reason',
          answer,
          upstream.redactor,
        );
        logger.debug(
          {
            integration: upstream.integration.name,
            account: upstream.account.id,
            status: answer.status,
            reason,
          },
          'revoke refused; token already invalid',
        );
      }
      return;
    }
    throw new UpstreamStatus(answer.status, 'auth.revoke', {
      details: {
        label: 'auth.revoke',
        remote: {
          status: answer.status,
          headers: upstream.redactor.headers(answer.headers),
          body: upstream.redactor.value(answer.body),
        },
      },
    });
  } finally {
    await tokens.store.delete(upstream.accountKey);
  }
}
