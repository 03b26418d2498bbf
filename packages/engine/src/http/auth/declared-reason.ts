/**
 * @module The reason shown when an upstream refuses credentials, as the integration declares it: a `reason:`
 * JSONata expression over the error body (`errorSummary` for Okta, `error.message` for Graph), with `$status`
 * and `$headers` bound. When there is none, or it yields no text, the built-in picker answers
 * (`refusal-reason.ts`). Always redacted: an upstream may echo what it refused.
 */
import type { CompiledIntegration } from '../../config/compiled-integration.js';
import type { Redactor } from '../../redaction/redactor.js';
import { refusalReason, withStatus } from './refusal-reason.js';

/** Where `reason:` may be declared. */
export type ReasonSite = '/auth/verify/reason' | '/auth/revoke/reason' | '/auth/token_request/reason';

export interface RefusedAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

function asReason(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export async function declaredReason(
  integration: CompiledIntegration,
  site: ReasonSite,
  answer: RefusedAnswer,
  redactor: Redactor,
): Promise<string> {
  const expression = integration.expression(site);
  let reason: string | undefined;
  if (expression) {
    try {
      reason = asReason(
        await expression.evaluate(answer.body, { status: answer.status, headers: answer.headers }),
      );
    } catch {
      // A reason that cannot be read must not hide the refusal itself: the built-in picker still answers.
      reason = undefined;
    }
  }
  return redactor.text(
    reason ? withStatus(reason, answer.status) : refusalReason(answer.status, answer.body),
  );
}
