/**
 * @module Request validation with two Ajv instances. Bodies are JSON and checked strictly: no type coercion (a
 * number is not a string), unknown fields are errors, every problem is reported. Query strings, params and headers
 * are text, so they are coerced (`limit=5` → 5, `remote_data=false` → false) and get their defaults.
 */
import { createAjv } from '@switchboard/schema';
import type { FastifyInstance } from 'fastify';

type SchemaObject = Record<string, unknown>;

export function installValidation(app: FastifyInstance, sharedSchemas: readonly SchemaObject[]): void {
  const body = createAjv();
  // Same Ajv class and draft as the schema package, configured for text input.
  const AjvClass = body.constructor as new (options: SchemaObject) => typeof body;
  const text = new AjvClass({
    coerceTypes: 'array',
    useDefaults: true,
    allErrors: true,
    strict: false,
    allowUnionTypes: true,
  });
  for (const schema of sharedSchemas) {
    body.addSchema(schema);
    text.addSchema(schema);
  }
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? body : text).compile(schema as SchemaObject),
  );
}
