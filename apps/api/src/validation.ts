/**
 * @module Request validation with two Ajv instances. Bodies are JSON and checked strictly: no type coercion (a
 * number is not a string), unknown fields are errors, every problem is reported. Query strings, params and headers
 * are text, so they are coerced (`limit=5` → 5, `remote_data=false` → false) and get their defaults. Each route's
 * validator is compiled on its first request (`deferred-compile.ts`).
 */
import { createAjv } from '@switchboard/schema';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type { FastifyServerOptions } from 'fastify';
import type { DeferredCompiles } from './deferred-compile.js';

type SchemaObject = Record<string, unknown>;
type ValidatorFactory = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']
>;

/**
 * Fastify's `compilersFactory.buildValidator`: every route's validators come from these two instances (given at
 * construction, Fastify never loads an Ajv compiler of its own).
 */
export function requestValidators(
  sharedSchemas: readonly SchemaObject[],
  deferred: DeferredCompiles,
): ValidatorFactory {
  // Built on the first compile too: adding the shared schemas compiles Ajv's meta-schema, twice.
  let instances: { body: Ajv2020; text: Ajv2020 } | undefined;
  const ajvFor = (httpPart: string | undefined): Ajv2020 => {
    instances ??= validators(sharedSchemas);
    return httpPart === 'body' ? instances.body : instances.text;
  };
  return () =>
    ({ schema, httpPart }) =>
      deferred.validator(() => ajvFor(httpPart).compile(schema as SchemaObject));
}

/** Query strings, params and headers are text: coerced, defaulted, every problem reported. */
const TEXT_OPTIONS = {
  coerceTypes: 'array',
  useDefaults: true,
  allErrors: true,
  strict: false,
  allowUnionTypes: true,
} as const;

/**
 * A validator for query parameters a handler checks itself, once it knows they are its own (`proxy-paging.ts`):
 * coerced exactly as a route's querystring schema is, so it accepts and refuses the same values.
 */
export function compileQueryValidator(schema: SchemaObject): ValidateFunction {
  const AjvClass = createAjv().constructor as new (options: SchemaObject) => Ajv2020;
  return new AjvClass(TEXT_OPTIONS).compile(schema);
}

function validators(sharedSchemas: readonly SchemaObject[]): { body: Ajv2020; text: Ajv2020 } {
  const body = createAjv();
  // Same Ajv class and draft as the schema package, configured for text input.
  const AjvClass = body.constructor as new (options: SchemaObject) => Ajv2020;
  const text = new AjvClass(TEXT_OPTIONS);
  for (const schema of sharedSchemas) {
    body.addSchema(schema);
    text.addSchema(schema);
  }
  return { body, text };
}
