/**
 * @module The v1 envelope: `{"status":{error,code,type,message}, "pagination"?, "data"?}`, used by /api/1 and
 * by every /auth endpoint's errors (reference §5.1, §11.1).
 */

/** A v1 error message: a sentence, or `{attribute, description}` for field errors. */
export type V1Message = string | { attribute: string; description: string };

export interface V1Status {
  error: boolean;
  code: number;
  type: string;
  message: V1Message;
}

export interface V1Pagination {
  before_cursor: string | null;
  after_cursor: string | null;
  previous_link: string | null;
  next_link: string | null;
}

/** The lowercase `type` strings OneLogin pairs with each status code. */
const TYPES: Readonly<Record<number, string>> = {
  400: 'bad request',
  401: 'Unauthorized',
  403: 'forbidden',
  404: 'not found',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'internal server error',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
};

export const V1_SUCCESS: V1Status = { error: false, code: 200, type: 'success', message: 'Success' };

export function v1Status(code: number, message: V1Message): V1Status {
  return { error: true, code, type: TYPES[code] ?? 'error', message };
}

/** A status-only error body. */
export function v1Error(code: number, message: V1Message): { status: V1Status } {
  return { status: v1Status(code, message) };
}

export function v1Data(data: unknown, pagination?: V1Pagination): Record<string, unknown> {
  return pagination === undefined ? { status: V1_SUCCESS, data } : { status: V1_SUCCESS, pagination, data };
}

/** The documented error sentences, in one place so routes and tests agree on the wording. */
export const V1Messages = {
  authenticationFailure: 'Authentication Failure',
  authorizationIncorrect: 'Authorization Information is incorrect',
  authorizationMissing: 'The authorization information is missing',
  grantType: 'grant_type is incorrect/absent',
  contentType:
    'Content Type is not specified or specified incorrectly. Content-Type header must be set to application/json',
  accessTokenMissing: 'Access Token Missing',
  noRoute: 'No Route Exists',
  invalidJson: 'Input JSON is not valid',
  rateLimited: 'Rate Limit Exceeded',
  idIncorrect: { attribute: 'id', description: 'ID is incorrect' },
} as const;
