/**
 * @module Link-time verification: a fresh token where the auth type has one, then `auth.verify`. A refusal is
 * `InvalidCredentials` (422 in the API) carrying the upstream's reason — the declared `reason:` expression's, or
 * the built-in picker's.
 */
import { InvalidCredentials, NeedsReauth, RateLimited, UpstreamStatus } from '../../errors.js';
import type { UpstreamSession } from '../account-session.js';
import type { TokenSet } from '../token-store.js';
import { declaredReason } from './declared-reason.js';

const isSuccess = (status: number) => status >= 200 && status <= 299;

/** Runs on a session whose token cache is private to this check (see `createHttpRuntime`). */
export async function verifyCredentials(upstream: UpstreamSession): Promise<void> {
  const auth = upstream.plan.auth;
  let token: TokenSet | undefined;
  try {
    // A cached token could predate new credentials: verify always asks the upstream.
    if (auth.token) token = await auth.token(upstream.authContext(), true);
  } catch (error) {
    if (error instanceof NeedsReauth) {
      const reason = String(error.details['reason'] ?? error.message);
      throw new InvalidCredentials(reason, { cause: error, details: error.details });
    }
    throw error;
  }
  const declared = upstream.integration.definition.auth.verify;
  if (!declared) return;
  const answer = await upstream.sendDeclared(declared, 'auth.verify', {
    withAuth: true,
    ...(token ? { token } : {}),
  });
  const expected = declared.expect_status
    ? declared.expect_status.includes(answer.status)
    : isSuccess(answer.status);
  if (expected) return;
  const remote = {
    status: answer.status,
    headers: upstream.redactor.headers(answer.headers),
    body: upstream.redactor.value(answer.body),
  };
  if (answer.retryAt !== undefined) {
    const retryAt = new Date(answer.retryAt).toISOString();
    throw new RateLimited(retryAt, { details: { retry_at: retryAt, label: 'auth.verify', remote } });
  }
  if (answer.status >= 400 && answer.status < 500 && answer.status !== 429) {
    const reason = await declaredReason(
      upstream.integration,
      '/auth/verify/reason',
      answer,
      upstream.redactor,
    );
    throw new InvalidCredentials(reason, { details: { reason, remote } });
  }
  throw new UpstreamStatus(answer.status, 'auth.verify', { details: { label: 'auth.verify', remote } });
}
