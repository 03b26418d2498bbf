/**
 * @module The one Ajv configuration every validator in Switchboard uses.
 */
import { Ajv2020, type CodeOptions } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * Ajv for draft 2020-12 with discriminated unions, all errors, and our `x-jsonata`/`x-template` annotations.
 * `code` reaches Ajv's code generation (the standalone validator generator passes `{ source: true, esm: true }`).
 */
export function createAjv(code: CodeOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    code,
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-jsonata', schemaType: 'boolean' });
  ajv.addKeyword({ keyword: 'x-template', schemaType: 'boolean' });
  return ajv;
}
