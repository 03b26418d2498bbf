/**
 * @module A few library functions answered directly for the argument types whose result is plain; every
 * other case through the function's signature check and implementation ({@link nativeCall}).
 */
import type { NativeFunction } from '../callable.js';
import { nativeCall, type Site } from './native-call.js';
import type { Writer } from './writer.js';

/** A direct answer: `if (…) t = …;`, for calls with `arity` arguments (the general call runs otherwise). */
interface Answer {
  readonly arity: number;
  write(t: string, a: string, b: string): string;
}

const ANSWERS: ReadonlyMap<string, Answer> = new Map<string, Answer>([
  [
    'string',
    {
      arity: 1,
      write: (t, a) =>
        `if (typeof ${a} === 'string') ${t} = ${a}; else if (typeof ${a} === 'number' && Number.isFinite(${a})) ${t} = R.toText(${a});`,
    },
  ],
  ['exists', { arity: 1, write: (t, a) => `if (${a} !== undefined) ${t} = true;` }],
  ['type', { arity: 1, write: (t, a) => `if (${a} !== undefined) ${t} = R.typeOf(${a});` }],
  ['not', { arity: 1, write: (t, a) => `if (typeof ${a} === 'boolean') ${t} = !${a};` }],
  ['boolean', { arity: 1, write: (t, a) => `if (typeof ${a} === 'boolean') ${t} = ${a};` }],
  ['count', { arity: 1, write: (t, a) => `if (Array.isArray(${a})) ${t} = ${a}.length;` }],
  [
    'contains',
    {
      arity: 2,
      write: (t, a, b) =>
        `if (typeof ${a} === 'string' && typeof ${b} === 'string') ${t} = ${a}.indexOf(${b}) !== -1;`,
    },
  ],
  [
    'join',
    {
      arity: 2,
      // `<a<s>s?:s>`: an array of strings and a string pass the check unchanged.
      write: (t, a, b) => `if (typeof ${b} === 'string' && R.isArrayOfStrings(${a})) ${t} = ${a}.join(${b});`,
    },
  ],
  [
    'lookup',
    {
      arity: 2,
      write: (t, a, b) =>
        `if (${a} !== null && typeof ${a} === 'object' && !Array.isArray(${a}) && typeof ${b} === 'string' && !R.isFunctionValue(${a})) ` +
        `{ ${t} = R.hasOwn(${a}, ${b}) ? ${a}[${b}] : undefined; if (Array.isArray(${t})) ${t} = R.normalize(${t}, false); }`,
    },
  ],
]);

/** A library call with evaluated arguments, answered directly when it can be, else made at `site`. */
export function native(
  g: Writer,
  fn: NativeFunction,
  name: string,
  args: string[],
  site: Site,
  out: string[],
): string {
  const t = g.temp();
  const general = nativeCall(g, fn, name, args, site, t);
  out.push(`let ${t};`);
  const answer = ANSWERS.get(name);
  if (answer !== undefined && args.length === answer.arity) {
    out.push(`${answer.write(t, args[0] as string, args[1] as string)} else { ${general} }`);
  } else out.push(general);
  return t;
}
