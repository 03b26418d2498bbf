/**
 * @module The values of an integration's `definitions:`, evaluated once at load, and how every later evaluation
 * sees them.
 *
 * Plain values (tables, lists, strings) are shared as they are: cleaned to plain JSON and frozen. Functions
 * cannot be shared that way. A JSONata lambda keeps the environment it was made in. jsonata 2.x runs a lambda's
 * body under that environment's guardrails: its timer started when the definition was evaluated, and its depth
 * counter would be shared by every request. So after `timeoutMs`, every call of a shared lambda would fail with
 * D1012, and concurrent or failed calls would drive the shared depth towards D1011. Each evaluation therefore
 * gets its own copies of the function definitions it uses. A copy has the same body, arguments and signature,
 * and its environment is a frame belonging to that evaluation ({@link CallFrame}). That frame carries fresh
 * guardrails with the same limits and resolves the other definitions to their copies, made on first use. A
 * copy costs a few small objects. The copies are never shared, so concurrent evaluations stay independent.
 *
 * This relies on the shapes of jsonata 2.2's lambdas and frames, and package.json pins that exact version. The
 * shapes are: a lambda is `{ _jsonata_lambda, input, environment, arguments, signature, body }`. A frame has
 * `bind`, `lookup`, `timestamp`, `async`, `isParallelCall`, `global` and `base`. `base` holds `depth`,
 * `guardrails()`, `createSequence`, `options` and `RegexEngine`. The definitions tests fail if an upgrade
 * changes them.
 */
import { deepFreeze } from '../config/deep-freeze.js';
import { cleanOutput } from './clean-output.js';
import { LIBRARY_GLOBALS } from './compiler/program.js';
import type { Guardrails } from './expression.js';
import { variableNames } from './expression-variables.js';

/** The parts of a jsonata lambda this module reads. */
interface Lambda {
  _jsonata_lambda: true;
  environment: Frame;
  body: unknown;
}

/** The parts of a jsonata environment frame this module reads. */
interface Frame {
  lookup(name: string | symbol): unknown;
  base: {
    createSequence: unknown;
    options: unknown;
    RegexEngine: unknown;
  };
  global: unknown;
}

/** Why a value cannot be a definition, or `undefined` when it can. */
export type DefinitionProblem = string | undefined;

export class DefinitionScope {
  private readonly data: Record<string, unknown> = Object.create(null);
  private readonly functions: Record<string, Lambda> = Object.create(null);
  private readonly exposed: Record<string, unknown> = {};
  /** Where names that are not definitions resolve (JSONata's functions): a load-time definition environment. */
  private home: Frame | undefined;
  /**
   * What compiled expressions see: plain values and the compiled function definitions over the function
   * library. Filled as definitions load, so a compiled function can call one defined after it. Compiled
   * functions need no copies: they run under the guardrails of the evaluation that calls them.
   */
  readonly compiledGlobals: Record<string, unknown> = Object.create(LIBRARY_GLOBALS);
  /** The names each compiled function definition's body mentions. */
  private readonly compiledFunctions = new Map<string, Set<string>>();

  constructor(readonly guardrails: Guardrails) {}

  /**
   * Adds the value of one definition. `isFunctionLiteral` says whether the definition's source is a
   * `function(…){ … }` literal; only such a function can be copied for each evaluation.
   */
  add(name: string, value: unknown, isFunctionLiteral: boolean): DefinitionProblem {
    if (value === undefined) return 'evaluates to nothing';
    if (isLambda(value)) {
      if (!isFunctionLiteral) {
        return 'a function must be defined by a `function(…){ … }` literal, not computed by another expression';
      }
      const clock = [...variableNames(value.body)].find((v) => v === 'now' || v === 'millis');
      if (clock !== undefined) {
        return `a function defined here cannot call \`$${clock}()\` (it would read the load time); take the time as an argument`;
      }
      this.functions[name] = value;
      this.home ??= value.environment;
      this.exposed[name] = value;
      return undefined;
    }
    if (!isNativeFunction(value) && holdsFunction(value)) {
      return 'holds a function inside a value; define each function as a definition of its own';
    }
    const shared = isNativeFunction(value) ? value : deepFreeze(cleanOutput(value));
    this.data[name] = shared;
    this.exposed[name] = shared;
    // A native function (a test's or an embedder's) is called synchronously by compiled code.
    this.compiledGlobals[name] = shared;
    return undefined;
  }

  /** The compiled form of function definition `name` (already added), and the names its body mentions. */
  addCompiled(name: string, lambda: unknown, mentions: Set<string>): void {
    this.compiledGlobals[name] = lambda;
    this.compiledFunctions.set(name, mentions);
  }

  /**
   * A function definition among `names` (or among those their bodies call, transitively) that has no compiled
   * form, or `undefined` when compiled code can run with every definition it can reach.
   */
  interpretedOnly(names: Iterable<string>): string | undefined {
    const seen = new Set<string>();
    const pending = [...names];
    while (pending.length > 0) {
      const name = pending.pop() as string;
      if (seen.has(name) || !Object.hasOwn(this.functions, name)) continue;
      seen.add(name);
      const mentions = this.compiledFunctions.get(name);
      if (mentions === undefined) return name;
      pending.push(...mentions);
    }
    return undefined;
  }

  /** The values by name, in file order: plain values frozen, functions as JSONata lambdas. */
  values(): Readonly<Record<string, unknown>> {
    return Object.freeze({ ...this.exposed });
  }

  /** Plain values and native functions: shareable as they are. */
  sharedValues(): [string, unknown][] {
    return Object.entries(this.data);
  }

  /** The function definitions among `names`. */
  functionsAmong(names: Iterable<string>): string[] {
    return [...names].filter((name) => Object.hasOwn(this.functions, name));
  }

  /**
   * The bindings of one evaluation: `bindings` plus its own copies of the function definitions `names`. Call
   * once per evaluation, never share the result.
   */
  bind(bindings: Record<string, unknown> | undefined, names: readonly string[]): Record<string, unknown> {
    const frame = new CallFrame(this.functions, this.data, this.home as Frame, this.guardrails);
    // Not `{ ...bindings }`: V8 makes adding keys to a spread copy about ten times slower.
    const merged: Record<string, unknown> = Object.assign({}, bindings);
    for (const name of names) merged[name] = frame.lookup(name);
    return merged;
  }
}

/**
 * The guardrails one evaluation gives the definition functions it calls: the limits of `Guardrails`, counted
 * from the evaluation's start, with a depth counter of its own (jsonata calls `guardrails()` on every step).
 */
class Budget {
  depth = 0;
  private readonly start = Date.now();
  readonly createSequence: unknown;
  readonly options: unknown;
  readonly RegexEngine: unknown;

  constructor(
    private readonly limits: Guardrails,
    home: Frame,
  ) {
    this.createSequence = home.base.createSequence;
    this.options = home.base.options;
    this.RegexEngine = home.base.RegexEngine;
  }

  guardrails(): void {
    // The same codes and values jsonata throws, so `MappingFailed` words them the same way.
    if (this.limits.maxDepth > 0 && this.depth > this.limits.maxDepth) {
      throw { code: 'D1011', value: this.limits.maxDepth, stack: new Error().stack };
    }
    if (this.limits.timeoutMs > 0 && Date.now() - this.start > this.limits.timeoutMs) {
      throw { code: 'D1012', value: this.limits.timeoutMs, stack: new Error().stack };
    }
  }
}

/** The environment of one evaluation's copies of the function definitions (jsonata's frame protocol). */
class CallFrame {
  readonly base: Budget;
  readonly timestamp = new Date();
  readonly async = false;
  isParallelCall = false;
  readonly global: unknown;
  private readonly copies: Record<string, unknown> = Object.create(null);
  private own: Record<string, unknown> | undefined;

  constructor(
    private readonly functions: Readonly<Record<string, Lambda>>,
    private readonly data: Readonly<Record<string, unknown>>,
    private readonly home: Frame,
    guardrails: Guardrails,
  ) {
    this.base = new Budget(guardrails, home);
    this.global = home.global;
  }

  bind(name: string, value: unknown): void {
    if (this.own === undefined) this.own = Object.create(null) as Record<string, unknown>;
    this.own[name] = value;
  }

  lookup(name: string | symbol): unknown {
    if (typeof name === 'string') {
      if (this.own !== undefined && name in this.own) return this.own[name];
      if (name in this.copies) return this.copies[name];
      const lambda = this.functions[name];
      if (lambda !== undefined) {
        // Not a spread: jsonata adds `token` and `position` to the lambdas it calls, and V8 makes adding keys
        // to a spread copy about ten times slower.
        const copy = Object.assign({}, lambda);
        copy.environment = this;
        this.copies[name] = copy;
        return copy;
      }
      if (name in this.data) return this.data[name];
    }
    return this.home.lookup(name);
  }
}

function isLambda(value: unknown): value is Lambda {
  return value !== null && typeof value === 'object' && (value as Lambda)._jsonata_lambda === true;
}

function isNativeFunction(value: unknown): boolean {
  return (
    typeof value === 'function' ||
    (value !== null &&
      typeof value === 'object' &&
      (value as { _jsonata_function?: unknown })._jsonata_function === true)
  );
}

function holdsFunction(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'function' || isLambda(next) || isNativeFunction(next)) return true;
    if (next !== null && typeof next === 'object') pending.push(...Object.values(next));
  }
  return false;
}
