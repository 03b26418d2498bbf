/**
 * @module The connect form posts `application/x-www-form-urlencoded`. The parser is registered inside the
 * connect plugin's own (encapsulated) context, after dropping the parsers inherited from the app, so the form
 * routes accept exactly this one type and the rest of the API never gains a form parser.
 */
import type { FastifyInstance } from 'fastify';

/** A handful of short fields: anything near this size is not a person filling in a form. */
const FORM_BODY_LIMIT = 16 * 1024;

export function acceptFormPosts(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => {
      done(null, parseForm(String(body)));
    },
  );
}

/** Field → first value. A null-prototype object, so names like `__proto__` are plain keys. */
export function parseForm(body: string): Record<string, string> {
  const fields: Record<string, string> = Object.create(null);
  for (const [name, value] of new URLSearchParams(body)) {
    if (!Object.hasOwn(fields, name)) fields[name] = value;
  }
  return fields;
}
