/**
 * @module Okta's error envelope `{errorCode, errorSummary, errorLink, errorId, errorCauses}` and the codes the
 * simulator answers with (reference §2).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { sendJson } from './send-json.js';

export interface OktaError {
  readonly status: number;
  readonly code: string;
  readonly summary: string;
  readonly causes?: readonly string[];
}

export const OktaErrors = {
  validation: (detail: string, causes: readonly string[] = []): OktaError => ({
    status: 400,
    code: 'E0000001',
    summary: `Api validation failed: ${detail}`,
    causes,
  }),
  malformedBody: { status: 400, code: 'E0000003', summary: 'The request body was not well-formed.' },
  invalidSearch: { status: 400, code: 'E0000031', summary: 'Invalid search criteria.' },
  searchAndFilter: {
    status: 400,
    code: 'E0000033',
    summary: "Bad request. Can't specify a search query and filter in the same request.",
  },
  invalidToken: { status: 401, code: 'E0000011', summary: 'Invalid token provided' },
  invalidSession: { status: 403, code: 'E0000005', summary: 'Invalid session' },
  forbidden: {
    status: 403,
    code: 'E0000006',
    summary: 'You do not have permission to perform the requested action',
  },
  alreadyActive: {
    status: 403,
    code: 'E0000016',
    summary: 'Activation failed because the user is already active',
  },
  wrongStatus: {
    status: 403,
    code: 'E0000038',
    summary: "This operation is not allowed in the user's current status.",
  },
  notFound: (what: string): OktaError => ({
    status: 404,
    code: 'E0000007',
    summary: `Not found: Resource not found: ${what}`,
  }),
  roleAlreadyAssigned: {
    status: 409,
    code: 'E0000090',
    summary: 'The role specified is already assigned to the user.',
  },
  rateLimited: {
    status: 429,
    code: 'E0000047',
    summary: 'API call exceeded rate limit due to too many requests.',
  },
  internal: { status: 500, code: 'E0000009', summary: 'Internal Server Error' },
  readOnly: { status: 503, code: 'E0000010', summary: 'Service is in read only mode' },
} as const;

/** `oae` + 19 random characters, like Okta's error ids. */
function errorId(): string {
  return `oae${randomBytes(15).toString('base64url').slice(0, 19)}`;
}

export function sendOktaError(reply: FastifyReply, error: OktaError): FastifyReply {
  return sendJson(reply, error.status, {
    errorCode: error.code,
    errorSummary: error.summary,
    errorLink: error.code,
    errorId: errorId(),
    errorCauses: (error.causes ?? []).map((summary) => ({ errorSummary: summary })),
  });
}

/** The error for an injected 5xx: Okta's own body for 500 and 503, the 500 body for the rest. */
export function serverErrorFor(status: number): OktaError {
  return status === 503 ? OktaErrors.readOnly : { ...OktaErrors.internal, status };
}
