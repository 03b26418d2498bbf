/**
 * @module The token endpoint's error body (entra-api.md §1): `{"error","error_description":"AADSTS…: …\r\nTrace
 * ID: …\r\nCorrelation ID: …\r\nTimestamp: …","error_codes":[…],"timestamp","trace_id","correlation_id",
 * "error_uri"}`.
 */

export class TokenError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    readonly description: string,
  ) {
    super(`AADSTS${aadsts}: ${description}`);
    this.name = 'TokenError';
  }
}

function timestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** `guid` mints the trace and correlation ids (the simulator's seeded stream). */
export function tokenErrorBody(error: TokenError, now: number, guid: () => string): Record<string, unknown> {
  const traceId = guid();
  const correlationId = guid();
  const at = timestamp(now);
  return {
    error: error.error,
    error_description: `AADSTS${error.aadsts}: ${error.description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${at}`,
    error_codes: [error.aadsts],
    timestamp: at,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${error.aadsts}`,
  };
}

export const TokenErrors = {
  tenantNotFound: (tenant: string) =>
    new TokenError(
      400,
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  missingParameter: (name: string) =>
    new TokenError(
      400,
      'invalid_request',
      900144,
      `The request body must contain the following parameter: '${name}'.`,
    ),
  unsupportedGrant: () =>
    new TokenError(
      400,
      'unsupported_grant_type',
      70003,
      'The app requested an unsupported grant type. This simulator only serves client_credentials.',
    ),
  invalidScope: (scope: string) =>
    new TokenError(
      400,
      'invalid_scope',
      70011,
      `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
    ),
  unknownClient: (clientId: string, tenant: string) =>
    new TokenError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  missingSecret: () =>
    new TokenError(
      401,
      'invalid_client',
      7000216,
      "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
    ),
  wrongSecret: (clientId: string) =>
    new TokenError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    ),
};
