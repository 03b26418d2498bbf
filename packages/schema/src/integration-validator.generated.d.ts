/**
 * The types of `integration-validator.generated.js` (Ajv's standalone validator of the integration JSON Schema;
 * see `integration-validator-source.ts`). Written by hand: the generated module has no types of its own.
 */
import type { ErrorObject } from 'ajv';

export interface IntegrationValidator {
  /** True when `data` is a valid integration document; otherwise `errors` lists every mistake. */
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const validate: IntegrationValidator;
export default validate;
