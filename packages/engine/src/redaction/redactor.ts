/**
 * @module Masks secrets before anything leaves the engine (traces, error details, logs). Two rules, both always
 * on: by name (headers, query parameters and body keys that look like credentials) and by value (every secret
 * the redactor was told about: connection secrets, tokens obtained at run time, their encoded forms).
 */

export const REDACTED = '[REDACTED]';

/** Header names that always carry credentials, whatever the integration says. */
const SENSITIVE_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);
/** Any header, query parameter or body key whose name matches is masked. */
const SENSITIVE_NAME = /token|secret|password|passwd|api[-_]?key|signature|credential/i;
/**
 * Shorter values are not masked by value: replacing every `abc` in a body would destroy it while protecting
 * nothing a real credential looks like. Such values are still masked by name.
 */
const MIN_SECRET_LENGTH = 4;
const MAX_DEPTH = 64;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface RedactorOptions {
  /** Extra header / parameter names to mask (e.g. the header an API key is sent in). */
  names?: Iterable<string>;
  secrets?: Iterable<string | undefined>;
}

export class Redactor {
  readonly #names = new Set<string>();
  readonly #secrets = new Set<string>();
  #pattern: RegExp | undefined;
  #dirty = false;

  constructor(options: RedactorOptions = {}) {
    for (const name of options.names ?? []) this.addName(name);
    for (const secret of options.secrets ?? []) this.addSecret(secret);
  }

  /** How many secret forms are masked by value (each secret adds up to four). */
  get secretForms(): number {
    return this.#secrets.size;
  }

  /** Masks this header / parameter / key name from now on (case-insensitive). */
  addName(name: string): void {
    this.#names.add(name.toLowerCase());
  }

  /**
   * Masks this value from now on, also in its URL-encoded, form-encoded and JSON-escaped forms. Callers add the
   * base64 `Basic` form of composite credentials themselves (see `basicCredentials`).
   */
  addSecret(value: string | undefined): void {
    if (value === undefined || value.length < MIN_SECRET_LENGTH || this.#secrets.has(value)) return;
    const forms = [
      value,
      encodeURIComponent(value),
      new URLSearchParams({ v: value }).toString().slice(2),
      JSON.stringify(value).slice(1, -1),
    ];
    for (const form of forms) if (form.length >= MIN_SECRET_LENGTH) this.#secrets.add(form);
    this.#dirty = true;
  }

  isSensitiveName(name: string): boolean {
    const lower = name.toLowerCase();
    return SENSITIVE_HEADERS.has(lower) || this.#names.has(lower) || SENSITIVE_NAME.test(lower);
  }

  /** Replaces every known secret value in free text. */
  text(input: string): string {
    const pattern = this.#compiled();
    return pattern ? input.replace(pattern, REDACTED) : input;
  }

  /** Masks sensitive query parameters and user info by name, then every known secret by value. */
  url(input: string | URL): string {
    const text = String(input);
    const queryStart = text.indexOf('?');
    let result = text;
    if (queryStart !== -1) {
      const hashStart = text.indexOf('#', queryStart);
      const query = text.slice(queryStart + 1, hashStart === -1 ? undefined : hashStart);
      const masked = query
        .split('&')
        .map((pair) => {
          const eq = pair.indexOf('=');
          if (eq === -1) return pair;
          let name = pair.slice(0, eq);
          try {
            name = decodeURIComponent(name.replace(/\+/g, ' '));
          } catch {
            // A malformed escape keeps its raw name; the value rule still applies below.
          }
          return this.isSensitiveName(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
        })
        .join('&');
      result = `${text.slice(0, queryStart + 1)}${masked}${hashStart === -1 ? '' : text.slice(hashStart)}`;
    }
    result = result.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@?#]*@/i, `$1${REDACTED}@`);
    return this.text(result);
  }

  headers(input: Readonly<Record<string, string>>): Record<string, string> {
    const output: Record<string, string> = {};
    for (const [name, value] of Object.entries(input))
      output[name] = this.isSensitiveName(name) ? REDACTED : this.text(value);
    return output;
  }

  /** A deep copy of a JSON-like value with sensitive keys masked and secrets removed from every string. */
  value(input: unknown, depth = 0): unknown {
    if (typeof input === 'string') return this.text(input);
    if (input === null || typeof input !== 'object') return input;
    if (depth >= MAX_DEPTH) return REDACTED;
    if (Array.isArray(input)) return input.map((item) => this.value(item, depth + 1));
    const output: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input))
      output[key] = this.isSensitiveName(key) && item !== null ? REDACTED : this.value(item, depth + 1);
    return output;
  }

  #compiled(): RegExp | undefined {
    if (this.#dirty) {
      // Longest first, so a secret containing another one is masked whole.
      const sorted = [...this.#secrets].sort((a, b) => b.length - a.length);
      this.#pattern = sorted.length ? new RegExp(sorted.map(escapeRegExp).join('|'), 'g') : undefined;
      this.#dirty = false;
    }
    return this.#pattern;
  }
}

/** `Basic base64(user:password)`, with the encoded form registered as a secret of `redactor`. */
export function basicCredentials(user: string, password: string, redactor: Redactor): string {
  const encoded = Buffer.from(`${user}:${password}`).toString('base64');
  redactor.addSecret(encoded);
  return `Basic ${encoded}`;
}
