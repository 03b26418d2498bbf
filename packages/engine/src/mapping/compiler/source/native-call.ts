/** @module A library function called the general way: as a compiled call site (or a trampoline) calls it. */
import type { NativeFunction } from '../callable.js';
import { fastValidator } from '../signature.js';
import type { Writer } from './writer.js';

/** Where a library call runs: its depth, the input it gets, and how its errors are located. */
export interface Site {
  readonly depth: number;
  readonly input: string;
  /** The source of the error to rethrow (`e` is the error caught). */
  error(name: string): string;
}

/** Source assigning to `t` the library call made as a compiled call site (or a trampoline) makes it. */
export function nativeCall(
  g: Writer,
  fn: NativeFunction,
  name: string,
  args: readonly string[],
  site: Site,
  t: string,
): string {
  const validate = fn.signature === undefined ? 'undefined' : g.constant(fastValidator(fn.signature));
  // The function counts levels from the call site's depth (see `guardrails.ts`).
  return (
    `context().depth = ${site.depth}; try { ${t} = R.callNative(${g.constant(fn)}, ${validate}, [${args.join(', ')}], ${site.input}, ctx); } ` +
    `catch (e) { throw ${site.error(name)}; } if (Array.isArray(${t})) ${t} = R.normalize(${t}, false);`
  );
}
