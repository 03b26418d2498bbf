/**
 * @module Refuses query parameters named after the object prototype (`__proto__`, `remote_query[__proto__]`).
 * Assigned into a plain object such a key sets the prototype instead of a property, so a filter would silently
 * vanish and the caller would get an unfiltered list. Refused once here for every route rather than in each copy.
 */
import type { FastifyInstance } from 'fastify';
import { ValidationFailed } from '../errors.js';

const PROTOTYPE_KEY = /(?:^|\[)__proto__(?:\]|$)/;

export function installQueryKeyGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const query = request.query;
    if (query === null || typeof query !== 'object') return;
    const refused = Object.keys(query).filter((key) => PROTOTYPE_KEY.test(key));
    if (refused.length === 0) return;
    const issues = refused.map((key) => ({
      location: 'querystring',
      path: `/${key}`,
      message: 'is not allowed',
    }));
    throw new ValidationFailed(`invalid request: query parameter ${refused.join(', ')} is not allowed`, {
      details: { issues },
    });
  });
}
