/**
 * @module Fast argument checks for jsonata signatures (`<s-nn?:s>`). jsonata validates every call by building
 * a type string of the arguments and matching it against a regex, which costs more than most library
 * functions themselves. This reads the same signature once and accepts, without the regex, the calls whose
 * arguments jsonata would accept unchanged: one argument per parameter (or trailing optional parameters left
 * out), each of an allowed type, arrays of the right item type. Anything else (a context argument to supply, a
 * scalar to wrap in an array, a variadic parameter, an error to raise) goes to jsonata's own validator, so the
 * outcome is always jsonata's.
 */
import type { Signature } from './ast.js';
import { isFunctionValue } from './values.js';

interface Param {
  /** Type symbols accepted (jsonata's: s n b l o a f, and m for a missing value). */
  accepts: string;
  type: string;
  /** `?` without `-`: may be left out at the end. */
  optional: boolean;
  /** `-`: takes the context when left out; never left out on the fast path. */
  context: boolean;
  variadic: boolean;
  /** `a<s>`: every item must be of this symbol. */
  subtype?: string;
}

export function typeSymbol(value: unknown): string {
  if (isFunctionValue(value)) return 'f';
  switch (typeof value) {
    case 'string':
      return 's';
    case 'number':
      return 'n';
    case 'boolean':
      return 'b';
    case 'object':
      return value === null ? 'l' : Array.isArray(value) ? 'a' : 'o';
    default:
      return 'm';
  }
}

/** The `>` closing the `<` at `start`, nested pairs included (`a<a<n>>`), or -1. */
function closing(definition: string, start: number): number {
  let depth = 0;
  for (let i = start; i < definition.length; i++) {
    if (definition[i] === '<') depth++;
    else if (definition[i] === '>' && --depth === 0) return i;
  }
  return -1;
}

function parse(definition: string): Param[] | undefined {
  const params: Param[] = [];
  for (let position = 1; position < definition.length; position++) {
    const symbol = definition.charAt(position);
    if (symbol === ':' || symbol === '>') break;
    const previous = params[params.length - 1];
    switch (symbol) {
      case 's':
      case 'n':
      case 'b':
      case 'l':
      case 'o':
        params.push({
          accepts: `${symbol}m`,
          type: symbol,
          optional: false,
          context: false,
          variadic: false,
        });
        break;
      case 'a':
        params.push({ accepts: 'asnblfom', type: 'a', optional: false, context: false, variadic: false });
        break;
      case 'f':
        params.push({ accepts: 'f', type: 'f', optional: false, context: false, variadic: false });
        break;
      case 'j':
        params.push({ accepts: 'asnblom', type: 'j', optional: false, context: false, variadic: false });
        break;
      case 'x':
        params.push({ accepts: 'asnblfom', type: 'x', optional: false, context: false, variadic: false });
        break;
      case '-':
        if (previous === undefined) return undefined;
        previous.context = true;
        break;
      case '?':
        if (previous === undefined) return undefined;
        previous.optional = true;
        break;
      case '+':
        if (previous === undefined) return undefined;
        previous.variadic = true;
        break;
      case '(': {
        const end = definition.indexOf(')', position);
        const choice = definition.substring(position + 1, end);
        if (end === -1 || choice.includes('<')) return undefined;
        params.push({
          accepts: `${choice}m`,
          type: `(${choice})`,
          optional: false,
          context: false,
          variadic: false,
        });
        position = end;
        break;
      }
      case '<': {
        if (previous === undefined) return undefined;
        const end = closing(definition, position);
        if (end === -1) return undefined;
        previous.subtype = definition.substring(position + 1, end);
        position = end;
        break;
      }
      default:
        return undefined;
    }
  }
  return params;
}

/** An array argument jsonata passes on unchanged: no subtype, or every item of the subtype's symbol. */
function arrayPasses(param: Param, value: unknown): boolean {
  if (!Array.isArray(value)) return value === undefined;
  if (param.subtype === undefined || value.length === 0) return true;
  const symbol = typeSymbol(value[0]);
  if (symbol !== param.subtype.charAt(0)) return false;
  for (let i = 1; i < value.length; i++) if (typeSymbol(value[i]) !== symbol) return false;
  return true;
}

export type Validate = (args: unknown[], context: unknown) => unknown[];

const cache = new WeakMap<Signature, Validate>();

/** jsonata's `signature.validate`, with the fast acceptance above in front of it. */
export function fastValidator(signature: Signature): Validate {
  const known = cache.get(signature);
  if (known !== undefined) return known;
  const slow: Validate = (args, context) => signature.validate(args, context);
  const params = typeof signature.definition === 'string' ? parse(signature.definition) : undefined;
  let validate: Validate = slow;
  if (params !== undefined && !params.some((param) => param.variadic)) {
    // Parameters that may be left out at the end: plain optionals only (a context parameter left out takes
    // the context, which jsonata decides).
    let required = params.length;
    while (
      required > 0 &&
      (params[required - 1] as Param).optional &&
      !(params[required - 1] as Param).context
    ) {
      required--;
    }
    validate = (args, context) => {
      const count = args.length;
      if (count > params.length || count < required) return slow(args, context);
      for (let i = 0; i < count; i++) {
        const param = params[i] as Param;
        const arg = args[i];
        if (param.type === 'a') {
          if (!arrayPasses(param, arg)) return slow(args, context);
        } else if (!param.accepts.includes(typeSymbol(arg))) return slow(args, context);
      }
      // Trailing optionals left out stay out: the function reads them as undefined either way.
      return args;
    };
  }
  cache.set(signature, validate);
  return validate;
}
