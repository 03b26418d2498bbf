/**
 * @module The one Ajv configuration every validator in Switchboard uses.
 */
import { createRequire } from 'node:module';
import type { Ajv2020, CodeOptions } from 'ajv/dist/2020.js';

// Ajv and ajv-formats are CommonJS, required by the first createAjv: a process that only runs the generated
// integration validator (the API at start-up) never loads Ajv's compiler.
const require = createRequire(import.meta.url);

/**
 * Ajv for draft 2020-12 with discriminated unions, all errors, and our `x-jsonata`/`x-template` annotations.
 * `code` reaches Ajv's code generation (the standalone validator generator passes `{ source: true, esm: true }`).
 */
export function createAjv(code: CodeOptions = {}): Ajv2020 {
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as (ajv: Ajv2020) => Ajv2020;
  const ajv = new AjvClass({
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
