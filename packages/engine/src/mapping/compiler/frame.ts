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
  private vars: Record<string, unknown> | undefined;

  constructor(
    readonly parent: Frame | undefined,
    readonly root: RootScope,
  ) {}

  bind(name: string, value: unknown): void {
    if (this.vars === undefined) this.vars = Object.create(null) as Record<string, unknown>;
    this.vars[name] = value;
  }

  lookup(name: string): unknown {
    for (let frame: Frame | undefined = this; frame !== undefined; frame = frame.parent) {
      const vars = frame.vars;
      if (vars !== undefined && name in vars) return vars[name];
    }
    const { bindings, globals } = this.root;
    if (bindings !== undefined && Object.hasOwn(bindings, name)) return bindings[name];
    return globals[name];
  }

  child(): Frame {
    return new Frame(this, this.root);
  }
}
