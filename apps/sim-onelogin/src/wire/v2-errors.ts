/** @module v2 error bodies: flat `{message, name, statusCode}` (reference §5.2). */

export interface V2Error {
  message: string;
  name: string;
  statusCode: number;
  field?: string;
}

const NAMES: Readonly<Record<number, string>> = {
  400: 'BadRequestError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  422: 'UnprocessableEntityError',
  429: 'TooManyRequestsError',
  500: 'InternalServerError',
  502: 'BadGatewayError',
  503: 'ServiceUnavailableError',
  504: 'GatewayTimeoutError',
};

export function v2Error(statusCode: number, message: string): V2Error {
  return { message, name: NAMES[statusCode] ?? 'Error', statusCode };
}

export const V2Messages = {
  unauthorized: 'Unauthorized',
  idNotFound: 'The resource with the given id could not be found',
  routeNotFound: "The resource can't be found or the server has not found anything matching the Request-URI",
  expectedArray: 'Expected array in request',
  invalidJson: 'Invalid JSON in request body',
  rateLimited: 'Rate Limit Exceeded',
} as const;
