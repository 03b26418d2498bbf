/**
 * @module Turns a failed live check into what the form shows above the fields: the upstream refused the
 * credentials (with its reason), could not be reached, or is rate limiting us. Other errors are not the
 * customer's to fix and go to the error page instead.
 */
import { isSwitchboardError } from '@switchboard/errors';
import { type ErrorCode, UPSTREAM_CODES } from '../error-status.js';
import type { FormError } from './page.js';

export interface Refusal {
  status: number;
  error: FormError;
}

/** The upstream looked at the credentials and said no: the customer can fix that. */
const REFUSED: ReadonlySet<string> = new Set<ErrorCode>([
  'SB_ERR_AUTH_INVALID_CREDENTIALS',
  'SB_ERR_AUTH_NEEDS_REAUTH',
]);
/**
 * The other upstream failures, shown as "could not be reached". Rate limiting has its own message; the pagination
 * codes cannot come from one live check, so they stay on the error page. A refused address (`FORBIDDEN_URL`) is
 * not an upstream code but reads the same way to the customer: it is usually a mistyped domain.
 */
const UNREACHABLE: ReadonlySet<string> = new Set<ErrorCode>([
  ...[...UPSTREAM_CODES].filter(
    (code) =>
      !REFUSED.has(code) && code !== 'SB_ERR_HTTP_RATE_LIMITED' && !code.startsWith('SB_ERR_PAGINATION_'),
  ),
  'SB_ERR_HTTP_FORBIDDEN_URL',
]);
/** Without `details.reason`, the engine's message is this prefix followed by the upstream's reason. */
const REFUSED_PREFIX = /^the upstream refused the credentials:\s*/i;
const SECRETS_CLEARED = 'For your security, secret fields were cleared: enter them again.';

export function describeRefusal(error: unknown, label: string): Refusal | undefined {
  if (!isSwitchboardError(error)) return undefined;
  if (REFUSED.has(error.code)) {
    const given = error.details['reason'];
    const reason = (typeof given === 'string' ? given : error.message.replace(REFUSED_PREFIX, '')).trim();
    return {
      status: 422,
      error: {
        title: `${label} did not accept these credentials`,
        detail: `${reason === '' ? '' : `${label} said: ${sentence(reason)} `}Check them and try again. ${SECRETS_CLEARED}`,
      },
    };
  }
  if (UNREACHABLE.has(error.code)) {
    return {
      status: 502,
      error: {
        title: `We could not check these credentials with ${label}`,
        detail: `${label} could not be reached or gave an unexpected answer. Check the details (the address in particular) and try again. ${SECRETS_CLEARED}`,
      },
    };
  }
  if (error.code === 'SB_ERR_HTTP_RATE_LIMITED') {
    return {
      status: 429,
      error: {
        title: `${label} is busy right now`,
        detail: `Please wait a minute and try again. ${SECRETS_CLEARED}`,
      },
    };
  }
  return undefined;
}

function sentence(text: string): string {
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}
