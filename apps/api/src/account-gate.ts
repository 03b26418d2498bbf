/**
 * @module Per-account ordering between calls and credential changes in this process. Calls for an account
 * (unified, proxy, passthrough, MCP) are readers; `DELETE` and `PATCH /integrated-accounts/:id` are writers.
 * A writer waits for the calls already in flight — one of them may be refreshing a token for the old
 * credentials — and holds new calls back until it is done, so that the token it revokes is the last one the old
 * credentials produced, and a call that started before it cannot store a token after it.
 *
 * Other replicas are not covered: their calls see a deleted or re-linked account within `SWITCHBOARD_CACHE_TTL`,
 * and the store refuses tokens for an account that no longer exists.
 */

interface Entry {
  readers: number;
  /** Resolved when `readers` drops to zero. */
  drained?: (() => void) | undefined;
  /** The writer currently holding (or waiting for) the account; later writers and readers wait for it. */
  writer?: Promise<unknown> | undefined;
}

export class AccountGate {
  readonly #entries = new Map<string, Entry>();

  #entry(id: string): Entry {
    let entry = this.#entries.get(id);
    if (entry === undefined) {
      entry = { readers: 0 };
      this.#entries.set(id, entry);
    }
    return entry;
  }

  #release(id: string, entry: Entry): void {
    if (entry.readers === 0 && entry.writer === undefined) this.#entries.delete(id);
  }

  /** Runs a call for the account, after any credential change in progress. */
  async read<T>(id: string, call: () => Promise<T>): Promise<T> {
    let entry = this.#entry(id);
    while (entry.writer !== undefined) {
      await entry.writer.catch(() => undefined);
      entry = this.#entry(id);
    }
    entry.readers++;
    try {
      return await call();
    } finally {
      entry.readers--;
      if (entry.readers === 0) entry.drained?.();
      this.#release(id, entry);
    }
  }

  /** Runs a credential change once the calls in flight have settled, holding new calls until it is done. */
  async write<T>(id: string, change: () => Promise<T>): Promise<T> {
    let entry = this.#entry(id);
    while (entry.writer !== undefined) {
      await entry.writer.catch(() => undefined);
      entry = this.#entry(id);
    }
    const current = entry;
    const run = (async () => {
      if (current.readers > 0) {
        await new Promise<void>((resolve) => {
          current.drained = resolve;
        });
        current.drained = undefined;
      }
      return change();
    })();
    current.writer = run;
    try {
      return await run;
    } finally {
      current.writer = undefined;
      this.#release(id, current);
    }
  }

  /** True while a credential change for the account waits or runs (for tests and diagnostics). */
  changing(id: string): boolean {
    return this.#entries.get(id)?.writer !== undefined;
  }
}

const gates = new WeakMap<object, AccountGate>();

/**
 * The gate of one store: every route that acts for an account goes through the store it was built with, so keying
 * by the store gives each app its own gate without threading it through every caller.
 */
export function accountGateOf(store: object): AccountGate {
  let gate = gates.get(store);
  if (gate === undefined) {
    gate = new AccountGate();
    gates.set(store, gate);
  }
  return gate;
}
