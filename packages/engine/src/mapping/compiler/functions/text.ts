/**
 * @module `$string` (and `&`): jsonata's conversion, with the common scalars done directly. jsonata serialises
 * every non-string through `JSON.stringify` with a replacer that rounds numbers to 15 significant digits; for
 * a string, a finite number, a boolean or null the result is known without it.
 */
import { REFERENCE } from './reference-library.js';

const reference = REFERENCE.string.implementation as (
  value: unknown,
  prettify?: boolean,
) => string | undefined;

export function toText(value: unknown, prettify?: boolean): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) break;
      return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
    case 'boolean':
      return String(value);
    case 'object':
      if (value === null) return 'null';
      break;
  }
  return reference(value, prettify);
}
