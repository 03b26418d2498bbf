/**
 * @module The error base every Switchboard package builds its registry from.
 * Codes are stable (`SB_ERR_<AREA>_<WHAT>`) and never reused; messages never hold secrets.
 */

/** Extra, machine-readable context carried by an error (rendered as `details` by the API). */
export type ErrorDetails = Record<string, unknown>;

export interface SwitchboardErrorOptions {
  cause?: unknown;
  details?: ErrorDetails;
}

/** Base class of every coded error in Switchboard. */
export class SwitchboardError extends Error {
  readonly code: string;
  readonly details: ErrorDetails;

  constructor(code: string, message: string, options: SwitchboardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SwitchboardError';
    this.code = code;
    this.details = options.details ?? {};
  }

  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

/** A constructor made by {@link createError}: `new E(...args, options?)`, `instanceof E`, and `E.code`. */
export interface CodedErrorClass<Args extends unknown[], Code extends string = string> {
  new (...args: [...Args, SwitchboardErrorOptions?]): SwitchboardError;
  readonly code: Code;
}

/**
 * Declares one error code with its message template.
 *
 * @example
 * export const UnknownResource = createError('SB_ERR_RUN_UNKNOWN_RESOURCE', (name: string) => `unknown resource "${name}"`);
 * throw new UnknownResource('users', { details: { resource: 'users' } });
 */
export function createError<const Code extends string, Args extends unknown[]>(
  code: Code,
  message: (...args: Args) => string,
): CodedErrorClass<Args, Code> {
  const arity = message.length;
  class CodedError extends SwitchboardError {
    static readonly code = code;
    constructor(...input: [...Args, SwitchboardErrorOptions?]) {
      const args = input.slice(0, arity) as Args;
      const options = (input.length > arity ? input[arity] : undefined) as
        | SwitchboardErrorOptions
        | undefined;
      super(code, message(...args), options);
    }
  }
  Object.defineProperty(CodedError, 'name', { value: code });
  return CodedError;
}

/** True when `error` is a Switchboard error, optionally with the given code. */
export function isSwitchboardError(error: unknown, code?: string): error is SwitchboardError {
  return error instanceof SwitchboardError && (code === undefined || error.code === code);
}

/**
 * The codes of a registry: a package's errors module (`import * as errors from './errors.js'`) or any object whose
 * values include classes made by {@link createError}. Other values are ignored. Because `createError` keeps each
 * code as a literal type, a table typed `satisfies Record<CodeOf<typeof errors>, number>` stops compiling when a
 * code is added without a row.
 */
export type CodeOf<Registry> = {
  [K in keyof Registry]: Registry[K] extends CodedErrorClass<never, infer Code> ? Code : never;
}[keyof Registry];

/** The codes of a registry at run time (see {@link CodeOf}), for tests that every code is mapped and documented. */
export function codesOf(registry: object): string[] {
  const codes = new Set<string>();
  for (const value of Object.values(registry)) {
    if (typeof value !== 'function' || !(value.prototype instanceof SwitchboardError)) continue;
    const code: unknown = (value as { code?: unknown }).code;
    if (typeof code === 'string') codes.add(code);
  }
  return [...codes];
}
