/**
 * @module Variable scopes. A frame holds the names a block, a lambda call or a tuple binds; the root of an
 * evaluation falls through to the caller's bindings, then the integration's definitions and the function
 * library (`globals`, a prototype-less chain).
 */

export interface RootScope {
  /** The caller's bindings (`$record`, `$body`, …), read with own-property checks. */
  readonly bindings: Readonly<Record<string, unknown>> | undefined;
  /** Definitions over the function library. */
  readonly globals: Readonly<Record<string, unknown>>;
}

export class Frame {
  // Two short parallel arrays rather than an object: frames hold a handful of names, and a scan of a few
  // strings beats a dictionary-mode object (V8 makes prototype-less objects dictionaries) on every call.
  private names: readonly string[] | undefined;
  private values: unknown[] | undefined;
  /** The arrays are a lambda's parameter list and its call's arguments: copied before the first `bind`. */
  private shared = false;

  constructor(
    readonly parent: Frame | undefined,
    readonly root: RootScope,
  ) {}

  /** A lambda call's frame: its parameters bound to the arguments, without copying either. */
  static ofCall(parent: Frame, params: readonly string[], args: unknown[]): Frame {
    const frame = new Frame(parent, parent.root);
    frame.names = params;
    frame.values = args;
    frame.shared = true;
    return frame;
  }

  bind(name: string, value: unknown): void {
    if (this.names === undefined) {
      this.names = [name];
      this.values = [value];
      return;
    }
    if (this.shared) {
      this.names = this.names.slice();
      this.values = (this.values as unknown[]).slice();
      this.shared = false;
    }
    const names = this.names as string[];
    const at = names.indexOf(name);
    if (at === -1) {
      names.push(name);
      (this.values as unknown[]).push(value);
    } else (this.values as unknown[])[at] = value;
  }

  lookup(name: string): unknown {
    for (let frame: Frame | undefined = this; frame !== undefined; frame = frame.parent) {
      const names = frame.names;
      if (names !== undefined) {
        // The last one: a lambda may name a parameter twice, and jsonata binds them in order.
        const at = names.lastIndexOf(name);
        if (at !== -1) return (frame.values as unknown[])[at];
      }
    }
    const { bindings, globals } = this.root;
    if (bindings !== undefined && Object.hasOwn(bindings, name)) return bindings[name];
    return globals[name];
  }

  /** A name no frame of this expression binds: the caller's bindings, then definitions and library. */
  lookupRoot(name: string): unknown {
    const { bindings, globals } = this.root;
    if (bindings !== undefined && Object.hasOwn(bindings, name)) return bindings[name];
    return globals[name];
  }

  child(): Frame {
    return new Frame(this, this.root);
  }
}
