/**
 * @module Removes secrets from recorded exchanges, by name and by value, before anything is written to disk.
 */
import type { Exchange } from './fixture.js';

// Whole names only: `password_changed_at` or `token_type` are data, `password` and `access_token` are secrets.
const SECRET_NAME =
  /^(x-)?(authorization|proxy-authorization|cookie|set-cookie|api[-_]?key|(access|refresh|id|session)[-_]?token|token|client[-_]?secret|secret|password(_confirmation)?|signature)$/i;

/** What replaces a secret in a fixture. Stable, so re-recording yields small diffs. */
export function placeholder(name: string): string {
  return `<scrubbed:${name.toLowerCase()}>`;
}

const PLACEHOLDER = /<scrubbed:[^>]*>/g;

/**
 * Whether a value the engine sent matches a recorded (scrubbed) one: equal, where each placeholder in a recorded
 * string stands for any text (a password, a signature or a token the replay cannot reproduce).
 */
export function matchesScrubbed(recorded: unknown, actual: unknown): boolean {
  if (typeof recorded === 'string' && typeof actual === 'string') {
    if (!recorded.includes('<scrubbed:')) return recorded === actual;
    const pattern = recorded
      .split(PLACEHOLDER)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*');
    return new RegExp(`^${pattern}$`).test(actual);
  }
  if (Array.isArray(recorded) && Array.isArray(actual)) {
    return recorded.length === actual.length && recorded.every((item, i) => matchesScrubbed(item, actual[i]));
  }
  if (recorded !== null && actual !== null && typeof recorded === 'object' && typeof actual === 'object') {
    if (Array.isArray(recorded) || Array.isArray(actual)) return false;
    const a = Object.keys(recorded);
    const b = Object.keys(actual);
    return (
      a.length === b.length &&
      a.every((key) =>
        matchesScrubbed((recorded as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key]),
      )
    );
  }
  return Object.is(recorded, actual);
}

export class Scrubber {
  readonly #values = new Map<string, string>();

  /** Secrets known up front (the connection's secret fields): scrubbed wherever they appear. */
  constructor(secrets: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(secrets)) this.addValue(name, value);
  }

  /** Registers a secret value seen at run time (e.g. an access token in a token response). */
  addValue(name: string, value: string): void {
    if (value.length < 4) return; // too short to scrub by value without mangling unrelated text
    this.#values.set(value, placeholder(name));
    this.#values.set(Buffer.from(value).toString('base64'), placeholder(`${name}_base64`));
  }

  /** Scrubs one exchange: learns secrets from it by name, then replaces every known value. */
  exchange(exchange: Exchange): Exchange {
    this.#learn(exchange.response.body);
    this.#learn(exchange.request.body);
    return this.#replace({
      request: {
        ...exchange.request,
        ...(exchange.request.headers ? { headers: this.#headers(exchange.request.headers) } : {}),
      },
      response: { ...exchange.response, headers: this.#headers(exchange.response.headers) },
    });
  }

  /**
   * Scrubs any value (an operation's body, a request about to be printed): learns secrets from it by name, then
   * replaces every known secret value.
   */
  value<T>(value: T): T {
    this.#learn(value);
    return this.#replace(value);
  }

  #headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      out[name] = SECRET_NAME.test(name) ? placeholder(name) : value;
    }
    return out;
  }

  // Values under secret-looking keys are secrets wherever else they appear (a token echoed in a URL, say).
  #learn(value: unknown, key = ''): void {
    if (typeof value === 'string') {
      if (SECRET_NAME.test(key)) this.addValue(key, value);
    } else if (Array.isArray(value)) {
      for (const item of value) this.#learn(item, key);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) this.#learn(v, k);
    }
  }

  #replace<T>(value: T, key = ''): T {
    if (typeof value === 'string') {
      if (SECRET_NAME.test(key) && !value.startsWith('<scrubbed:')) return placeholder(key) as T;
      let text: string = value;
      for (const [secret, mark] of this.#values) text = text.split(secret).join(mark);
      return text as T;
    }
    if (Array.isArray(value)) return value.map((item) => this.#replace(item, key)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.#replace(v, k)])) as T;
    }
    return value;
  }
}
