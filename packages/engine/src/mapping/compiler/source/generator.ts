/**
 * @module JSONata syntax tree → JavaScript source, for the node kinds a mapping is made of: literals, field
 * paths, `$` variables (generated locals for `:=` and parameters), blocks, conditions, operators, object and
 * array constructors, library calls, `$map` over a function literal, and calls to `definitions:` functions,
 * whose bodies are inlined. Each generated piece does what the closure for that node does (see the sibling
 * modules of `compiler/`), with the same singleton/sequence rules, undefined propagation, error codes and
 * positions. Every other subtree is handed to its closure, with a frame holding the generated locals it reads,
 * and so is a fast path whose assumption fails at run time (a path meeting an array).
 *
 * Depth: generated code does not count levels as it goes. The generator knows the depth every node would
 * reach, refuses the whole expression when that could exceed the depth cap, and sets the context's depth to
 * the exact level before it calls a closure or a library function, so the cap trips where it would otherwise.
 */
import { variableNames } from '../../expression-variables.js';
import type { AstNode, Node } from '../ast.js';
import { CompiledLambda, isNative, type NativeFunction } from '../callable.js';
import { compileSubtree } from '../compile-node.js';
import type { Limits } from '../context.js';
import type { Frame } from '../frame.js';
import { LIBRARY } from '../functions/library.js';
import { localNames } from '../locals.js';
import { OPERATIONS } from '../operators.js';
import { fastValidator } from '../signature.js';

/** Thrown when a subtree cannot be generated and cannot be handed to its closure either. */
export class Refuse extends Error {}

/** How deep definition calls are inlined into one another. */
const MAX_INLINE = 6;

const RESERVED = new Set(['_jsonata_lambda', '_jsonata_function']);

interface Local {
  id: string;
  /** Reads go through `normalize` (a `$map` parameter holds an item of the data, not a node's result). */
  raw: boolean;
}

interface Scope {
  readonly names: Map<string, Local>;
  readonly parent: Scope | undefined;
}

/** Where the names no generated scope binds resolve: the expression's root, or an inlined definition's frame. */
interface Base {
  /** The source of the frame a closure gets when it reads no generated local. */
  readonly frame: string;
  /** `$$`. */
  readonly rootInput: string;
  /** The local names of the tree the closures are compiled with. */
  readonly locals: ReadonlySet<string>;
  /** The value of a free name known now (a definition or a library function), else undefined. */
  known(name: string): unknown;
  /** Source reading a free name at run time. */
  read(name: string): string;
}

/** Where a library call runs: its depth, the input it gets, and how its errors are located. */
interface Site {
  readonly depth: number;
  readonly input: string;
  /** The source of the error to rethrow (`e` is the error caught). */
  error(name: string): string;
}

interface Cx {
  readonly scope: Scope | undefined;
  readonly base: Base;
  /** Source of the context value (`$`): never an array (the entry and inlining check it). */
  readonly input: string;
  readonly inputUndefined: boolean;
  /** The evaluation context's depth when this node starts (as the closures count it). */
  readonly depth: number;
  /** Inside an inlined function body: where its tail calls run (the caller's trampoline). */
  readonly tail: { depth: number; input: string } | undefined;
  readonly inlining: readonly CompiledLambda[];
}

const q = (text: string) => JSON.stringify(text);

export class SourceGenerator {
  readonly constants: unknown[] = [];
  readonly closures: Node[] = [];
  /** Root names read as values known at generation: a caller's binding of the same name must not exist. */
  readonly guards = new Set<string>();
  private readonly constantIds = new Map<unknown, number>();
  private counter = 0;
  private deepest = 0;
  private readonly definitionBases = new Map<CompiledLambda, Base>();

  constructor(
    private readonly globals: Readonly<Record<string, unknown>>,
    private readonly limits: Limits,
  ) {}

  /** The body of the generated function for the whole expression (`input`, `bindings`, `ctx` and `context()` in scope). */
  generate(ast: AstNode): string {
    const locals = localNames(ast);
    const base: Base = {
      frame: '(F === undefined ? (F = R.rootFrame(input, bindings, G)) : F)',
      rootInput: 'input',
      locals,
      known: (name) => {
        const value = this.globals[name];
        if (value !== undefined) this.guards.add(name);
        return value;
      },
      read: (name) => {
        const value = this.globals[name];
        if (value !== undefined) {
          this.guards.add(name);
          return this.constant(value);
        }
        return `R.readRoot(bindings, G, ${q(name)})`;
      },
    };
    const out: string[] = [];
    const cx: Cx = {
      scope: undefined,
      base,
      input: 'input',
      inputUndefined: false,
      depth: 0,
      tail: undefined,
      inlining: [],
    };
    const scoped = this.openScope([ast], cx, [], out);
    const result = this.gen(ast, scoped, out);
    out.push(`return ${result};`);
    const { maxDepth } = this.limits;
    if (maxDepth > 0 && this.deepest > maxDepth) throw new Refuse('deeper than the depth cap');
    return out.join('\n');
  }

  private constant(value: unknown): string {
    if (value === undefined) return 'undefined';
    let id = this.constantIds.get(value);
    if (id === undefined) {
      id = this.constants.length;
      this.constants.push(value);
      this.constantIds.set(value, id);
    }
    return `K[${id}]`;
  }

  private temp(): string {
    return `t${this.counter++}`;
  }

  /** A node generated, or handed to its closure when part of it cannot be generated. */
  private gen(ast: AstNode, cx: Cx, out: string[]): string {
    const sub: string[] = [];
    try {
      const result = this.node(ast, cx, sub);
      out.push(...sub);
      return result;
    } catch (error) {
      if (!(error instanceof Refuse) || ast.type === 'bind') throw error;
      return this.delegate(ast, cx, out);
    }
  }

  private node(ast: AstNode, cx: Cx, out: string[]): string {
    // A fused path checks two levels; counting every node so is a safe over-estimate.
    this.deepest = Math.max(this.deepest, cx.depth + 2);
    if (ast.group !== undefined || ast.keepArray) return this.delegate(ast, cx, out);
    if (ast.predicate !== undefined) return this.indexed(ast, cx, out);
    switch (ast.type) {
      case 'string':
        return q(ast.value as string);
      case 'number': {
        const value = ast.value as number;
        return Number.isFinite(value) && !Object.is(value, -0) ? String(value) : this.constant(value);
      }
      case 'value':
        return String(ast.value);
      case 'variable':
        return this.variable(ast.value as string, cx);
      case 'path':
        return this.path(ast, cx, out);
      case 'block':
        return this.block(ast, cx, out);
      case 'bind':
        return this.bind(ast, cx, out);
      case 'condition':
        return this.condition(ast, cx, out);
      case 'binary':
        return this.binary(ast, cx, out);
      case 'unary':
        if (ast.value === '{') return this.object(ast, cx, out);
        if (ast.value === '[') return this.array(ast, cx, out);
        if (ast.value === '-') {
          const value = this.gen(ast.expression as AstNode, this.child(cx), out);
          const t = this.temp();
          out.push(`const ${t} = R.negate(${value}, ${ast.position});`);
          return t;
        }
        return this.delegate(ast, cx, out);
      case 'function':
        return this.call(ast, cx, out);
      case 'lambda':
        if (ast.thunk === true && cx.tail !== undefined) return this.tailCall(ast, cx, out);
        return this.delegate(ast, cx, out);
      default:
        return this.delegate(ast, cx, out);
    }
  }

  /**
   * `$list[0]`: a variable with one fixed index (what the closures' numeric filter does: a negative index
   * counts from the end, an array item is the result as it is, an empty result is nothing).
   */
  private indexed(ast: AstNode, cx: Cx, out: string[]): string {
    const predicate = ast.predicate ?? [];
    const index = predicate[0]?.expr;
    if (ast.type !== 'variable' || predicate.length !== 1 || index?.type !== 'number') {
      return this.delegate(ast, cx, out);
    }
    const fixed = Math.floor(index.value as number);
    const value = this.simple(this.variable(ast.value as string, cx), out);
    const items = this.temp();
    const item = this.temp();
    const t = this.temp();
    const at = fixed < 0 ? `${items}.length + ${fixed}` : String(fixed);
    out.push(
      `const ${items} = Array.isArray(${value}) ? ${value} : [${value}];`,
      `const ${item} = ${items}[${at}];`,
      `const ${t} = Array.isArray(${item}) ? R.normalize(${item}, false) : ${item};`,
    );
    return t;
  }

  private child(cx: Cx): Cx {
    return { ...cx, depth: cx.depth + 1 };
  }

  private lookupLocal(cx: Cx, name: string): Local | undefined {
    for (let scope = cx.scope; scope !== undefined; scope = scope.parent) {
      const local = scope.names.get(name);
      if (local !== undefined) return local;
    }
    return undefined;
  }

  private variable(name: string, cx: Cx): string {
    if (name === '') return cx.input;
    if (name === '$') return cx.base.rootInput;
    const local = this.lookupLocal(cx, name);
    if (local !== undefined) {
      return local.raw
        ? `(Array.isArray(${local.id}) ? R.normalize(${local.id}, false) : ${local.id})`
        : local.id;
    }
    const known = cx.base.known(name);
    if (known !== undefined) {
      // Definitions are cleaned plain values; a sequence would need the closures' normalising.
      if (Array.isArray(known) && (known as { sequence?: unknown }).sequence === true)
        throw new Refuse('sequence');
      return this.constant(known);
    }
    return cx.base.read(name);
  }

  /**
   * A new scope for `statements` (a block's expressions, a function body, the root): the names their `:=`
   * bind outside any nested block or function, declared as locals. A local starts as the value the name had
   * outside unless its first mention is a `:=` statement of its own, so reading it earlier sees what the
   * closures' frame lookup would.
   */
  private openScope(
    statements: readonly AstNode[],
    cx: Cx,
    params: readonly [string, string][],
    out: string[],
  ): Cx {
    const names = new Map<string, Local>();
    for (const [name, id] of params) names.set(name, { id, raw: false });
    const bound = new Set<string>();
    for (const statement of statements) collectBinds(statement, bound);
    const declarations: string[] = [];
    for (const name of bound) {
      if (names.has(name)) continue;
      const id = `l${this.counter++}`;
      const first = statements.find((statement) => variableNames(statement).has(name));
      const ok =
        first !== undefined &&
        first.type === 'bind' &&
        (first.lhs as AstNode).value === name &&
        !variableNames(first.rhs).has(name);
      declarations.push(ok ? id : `${id} = ${this.variable(name, cx)}`);
      names.set(name, { id, raw: false });
    }
    if (declarations.length > 0) out.push(`let ${declarations.join(', ')};`);
    if (names.size === 0) return cx;
    return { ...cx, scope: { names, parent: cx.scope } };
  }

  private path(ast: AstNode, cx: Cx, out: string[]): string {
    const steps = ast.steps as AstNode[];
    const firstIsVariable = (steps[0] as AstNode).type === 'variable';
    if (ast.keepSingletonArray || ast.tuple || (steps.length < 2 && firstIsVariable)) {
      return this.delegate(ast, cx, out);
    }
    const names: string[] = [];
    for (const [i, step] of steps.entries()) {
      if ((step.stages ?? []).length > 0 || step.type === 'sort' || step.tuple)
        return this.delegate(ast, cx, out);
      if (step.focus !== undefined || step.index !== undefined || step.group !== undefined) {
        return this.delegate(ast, cx, out);
      }
      if (step.keepArray || step.predicate !== undefined || step.ancestor !== undefined) {
        return this.delegate(ast, cx, out);
      }
      if (i === 0 && firstIsVariable) continue;
      if (step.type !== 'name') return this.delegate(ast, cx, out);
      names.push(step.value as string);
    }
    if (!firstIsVariable && cx.inputUndefined) return 'undefined';
    const head = firstIsVariable ? this.variable((steps[0] as AstNode).value as string, cx) : cx.input;
    const t = this.temp();
    const bail = this.temp();
    out.push(`let ${t} = ${head}, ${bail} = false;`);
    names.forEach((name, i) => {
      const step =
        `if (${t} !== undefined) { if (${t} === null || typeof ${t} !== 'object') ${t} = undefined; ` +
        `else if (Array.isArray(${t}) || R.isFunctionValue(${t})) { ${bail} = true; ${t} = undefined; } ` +
        `else ${t} = R.hasOwn(${t}, ${q(name)}) ? ${t}[${q(name)}] : undefined; }`;
      // The expression's own input was checked once on entry (`plain`): a field of it is read directly.
      if (i === 0 && head === 'input') {
        out.push(
          `if (plain) ${t} = R.hasOwn(input, ${q(name)}) ? input[${q(name)}] : undefined; else ${step}`,
        );
      } else out.push(step);
    });
    out.push(`if (Array.isArray(${t}) && ${t}.sequence === true) ${bail} = true;`);
    const slow: string[] = [];
    const value = this.delegate(ast, cx, slow);
    out.push(`if (${bail}) { ${slow.join(' ')} ${t} = ${value}; }`);
    return t;
  }

  private block(ast: AstNode, cx: Cx, out: string[]): string {
    const expressions = ast.expressions as AstNode[];
    if (expressions.length === 0) return 'undefined';
    const t = this.temp();
    out.push(`let ${t};`, '{');
    const inner = this.openScope(expressions, this.child(cx), [], out);
    expressions.forEach((expression, i) => {
      const value = this.gen(expression, inner, out);
      if (i === expressions.length - 1) out.push(`${t} = ${value};`);
      else if (!/^[A-Za-z_$][\w$]*$/.test(value)) out.push(`${value};`);
    });
    out.push('}');
    return t;
  }

  private bind(ast: AstNode, cx: Cx, out: string[]): string {
    const name = (ast.lhs as AstNode).value as string;
    const local = cx.scope?.names.get(name);
    if (local === undefined) throw new Refuse(`\`$${name} :=\` outside a generated scope`);
    const value = this.gen(ast.rhs as AstNode, this.child(cx), out);
    const t = this.temp();
    out.push(`const ${t} = ${value}; ${local.id} = ${t};`);
    return t;
  }

  private truthy(value: string, out: string[]): string {
    const t = this.temp();
    out.push(`const ${t} = ${value};`);
    return `(typeof ${t} === 'boolean' ? ${t} : R.isTrue(${t}))`;
  }

  private condition(ast: AstNode, cx: Cx, out: string[]): string {
    const inner = this.child(cx);
    const test = this.truthy(this.gen(ast.condition as AstNode, inner, out), out);
    const t = this.temp();
    out.push(`let ${t};`, `if (${test}) {`);
    out.push(`${t} = ${this.gen(ast.then as AstNode, inner, out)};`);
    if (ast.else !== undefined) {
      out.push('} else {');
      out.push(`${t} = ${this.gen(ast.else, inner, out)};`);
    }
    out.push('}');
    return t;
  }

  /** `value` as something cheap to read twice: a name, a constant or a literal (numbers parenthesised). */
  private simple(value: string, out: string[]): string {
    if (/^-?\d[\d.e+-]*$/.test(value)) return `(${value})`;
    if (/^([A-Za-z_$][\w$]*|K\[\d+\]|"(?:[^"\\]|\\.)*"|null|true|false|undefined)$/.test(value)) {
      return value;
    }
    const t = this.temp();
    out.push(`const ${t} = ${value};`);
    return t;
  }

  private binary(ast: AstNode, cx: Cx, out: string[]): string {
    const op = ast.value as string;
    const inner = this.child(cx);
    const where = this.constant({ position: ast.position, value: ast.value });
    if (op === 'and' || op === 'or') {
      const left = this.simple(this.gen(ast.lhs as AstNode, inner, out), out);
      const t = this.temp();
      out.push(`let ${t};`, 'try {', `${t} = R.isTrue(${left});`);
      out.push(op === 'and' ? `if (${t}) {` : `if (!${t}) {`);
      const right = this.gen(ast.rhs as AstNode, inner, out);
      out.push(`${t} = R.isTrue(${right});`, '}');
      out.push(`} catch (e) { throw R.locatedOperator(e, ${where}); }`);
      return t;
    }
    if (op === '..') return this.delegate(ast, cx, out);
    const left = this.simple(this.gen(ast.lhs as AstNode, inner, out), out);
    const right = this.simple(this.gen(ast.rhs as AstNode, inner, out), out);
    const t = this.temp();
    switch (op) {
      case '=':
      case '!=': {
        const equal = `(${left} === ${right} || R.isDeepEqual(${left}, ${right}))`;
        out.push(
          `const ${t} = ${left} === undefined || ${right} === undefined ? false : ${op === '=' ? equal : `!${equal}`};`,
        );
        return t;
      }
      case 'in': {
        const list = this.knownList(ast.rhs as AstNode, cx);
        if (list !== undefined) {
          const tests = list.map((item) => `${left} === ${item === null ? 'null' : q(item)}`);
          out.push(
            `const ${t} = ${left} !== undefined && (${tests.length === 0 ? 'false' : tests.join(' || ')});`,
          );
        } else out.push(`const ${t} = R.isIn(${left}, ${right});`);
        return t;
      }
      case '&':
        out.push(
          `let ${t};`,
          `if (typeof ${left} === 'string' && typeof ${right} === 'string') ${t} = ${left} + ${right};`,
          `else try { ${t} = ${this.constant(OPERATIONS['&'])}(${left}, ${right}, context()); } catch (e) { throw R.locatedOperator(e, ${where}); }`,
        );
        return t;
      default: {
        const operation = OPERATIONS[op];
        if (operation === undefined) return this.delegate(ast, cx, out);
        out.push(
          `let ${t};`,
          `try { ${t} = ${this.constant(operation)}(${left}, ${right}, context()); } catch (e) { throw R.locatedOperator(e, ${where}); }`,
        );
        return t;
      }
    }
  }

  /** The `definitions:` function `$name` names (a free name), else undefined. */
  private knownFunction(ast: AstNode, cx: Cx): CompiledLambda | undefined {
    if (ast.type !== 'variable' || ast.predicate !== undefined || ast.keepArray) return undefined;
    const name = ast.value as string;
    if (name === '' || name === '$' || this.lookupLocal(cx, name) !== undefined) return undefined;
    const value = cx.base.known(name);
    return value instanceof CompiledLambda ? value : undefined;
  }

  /** The items of `$name` when it is a known list of strings and nulls (`x in $blank`), else undefined. */
  private knownList(ast: AstNode, cx: Cx): (string | null)[] | undefined {
    if (ast.type !== 'variable' || ast.predicate !== undefined || ast.keepArray) return undefined;
    const name = ast.value as string;
    if (name === '' || name === '$' || this.lookupLocal(cx, name) !== undefined) return undefined;
    const value = cx.base.known(name);
    if (!Array.isArray(value) || (value as { sequence?: unknown }).sequence === true) return undefined;
    if (!value.every((item) => item === null || typeof item === 'string')) return undefined;
    return value as (string | null)[];
  }

  private object(ast: AstNode, cx: Cx, out: string[]): string {
    const pairs = ast.lhs as [AstNode, AstNode][];
    const keys = pairs.map(([key]) => (key.type === 'string' ? (key.value as string) : undefined));
    const literal =
      keys.every((key) => key !== undefined && !RESERVED.has(key)) && new Set(keys).size === keys.length;
    if (!literal) return this.delegate(ast, cx, out);
    const inner = this.child(cx);
    const t = this.temp();
    out.push(`const ${t} = {};`);
    pairs.forEach(([, valueAst], i) => {
      const key = keys[i] as string;
      const value = this.gen(valueAst, inner, out);
      const store =
        key === '__proto__' ? `R.setKey(${t}, ${q(key)}, ${value})` : `${t}[${q(key)}] = ${value}`;
      out.push(value === 'undefined' ? '' : `if (${value} !== undefined) ${store};`);
    });
    return t;
  }

  private array(ast: AstNode, cx: Cx, out: string[]): string {
    const inner = this.child(cx);
    const t = this.temp();
    const max = this.limits.maxSequence;
    out.push(`const ${t} = [];`);
    for (const item of ast.expressions as AstNode[]) {
      const generated = this.gen(item, inner, out);
      if (generated === 'undefined') continue;
      if (/^("|-?\d|null$|true$|false$)/.test(generated)) {
        // A literal item: one value, neither undefined nor an array.
        const cap =
          max > 0
            ? `if (${t}.length + 1 > ${max}) throw R.jsonataError('D2015', { value: ${t}.length + 1 });`
            : '';
        out.push(`${cap} ${t}.push(${generated});`);
        continue;
      }
      const value = this.simple(generated, out);
      if (item.value === '[') {
        out.push(`if (${value} !== undefined) ${t}.push(${value});`);
        continue;
      }
      const cap = (added: string) =>
        max > 0
          ? `if (${t}.length + ${added} > ${max}) throw R.jsonataError('D2015', { value: ${t}.length + ${added} });`
          : '';
      out.push(
        `if (${value} !== undefined) { if (Array.isArray(${value})) { ${cap(`${value}.length`)} ` +
          `for (let i = 0; i < ${value}.length; i++) ${t}.push(${value}[i]); } else { ${cap('1')} ${t}.push(${value}); } }`,
      );
    }
    if (ast.consarray === true) out.push(`R.markCons(${t});`);
    return t;
  }

  private call(ast: AstNode, cx: Cx, out: string[]): string {
    const procedure = ast.procedure as AstNode;
    if (procedure.type !== 'variable' || procedure.predicate !== undefined || procedure.keepArray) {
      return this.delegate(ast, cx, out);
    }
    const name = procedure.value as string;
    if (name === '' || name === '$' || this.lookupLocal(cx, name) !== undefined)
      return this.delegate(ast, cx, out);
    const fn = cx.base.known(name);
    if (fn instanceof CompiledLambda) {
      const sub: string[] = [];
      try {
        const result = this.inline(fn, ast, name, ast.position, cx, sub, false);
        out.push(...sub);
        return result;
      } catch (error) {
        if (!(error instanceof Refuse)) throw error;
        return this.delegate(ast, cx, out);
      }
    }
    if (!isNative(fn) || LIBRARY[name] !== fn) return this.delegate(ast, cx, out);
    const site: Site = {
      depth: cx.depth + 1,
      input: cx.input,
      error: (fnName) => `R.nativeError(e, ${q(fnName)}, ${ast.position})`,
    };
    return this.library(fn, name, ast, cx, site, out);
  }

  /**
   * A library call at `site`: `$map`, `$reduce` and `$sift` over a function written out as loops, a few
   * functions answered directly, every other case as the call site makes it.
   */
  private library(fn: NativeFunction, name: string, ast: AstNode, cx: Cx, site: Site, out: string[]): string {
    const args = ast.arguments as AstNode[];
    const loop = (write: (sub: string[]) => string): string | undefined => {
      const sub: string[] = [];
      try {
        const result = write(sub);
        out.push(...sub);
        return result;
      } catch (error) {
        if (!(error instanceof Refuse)) throw error;
        return undefined;
      }
    };
    let written: string | undefined;
    const lambda = args[1];
    if (name === 'reduce' && (args.length === 2 || args.length === 3) && lambda !== undefined) {
      if (isPlainLambda(lambda) && (lambda.arguments ?? []).length >= 2) {
        written = loop((sub) => this.inlineReduce(ast, fn, lambda, cx, site, sub));
      }
    } else if (name === 'map' && args.length === 2 && lambda !== undefined && isPlainLambda(lambda)) {
      written = loop((sub) => this.inlineMap(ast, lambda, cx, site, sub));
    } else if (name === 'sift' && args.length === 2 && lambda !== undefined) {
      const known = this.knownFunction(lambda, cx);
      if (known !== undefined) written = loop((sub) => this.inlineSift(ast, known, cx, site, sub));
    }
    if (written !== undefined) return written;
    const argCx = { ...cx, depth: site.depth };
    const values = args.map((arg) => this.simple(this.gen(arg, argCx, out), out));
    return this.native(fn, name, values, site, out);
  }

  /**
   * A library call with evaluated arguments: a few functions answered directly for the argument types whose
   * result is plain, every other case through the function's signature check and implementation, as the call
   * site does. `kind` says how errors are located: a call site's, or a tail call's (the trampoline's).
   */
  private native(fn: NativeFunction, name: string, args: string[], site: Site, out: string[]): string {
    const t = this.temp();
    const general = this.nativeGeneral(fn, name, args, site, t);
    out.push(`let ${t};`);
    const [a, b] = args;
    const direct = (test: string, value: string) =>
      out.push(`if (${test}) ${t} = ${value}; else { ${general} }`);
    if (args.length === 1 && a !== undefined) {
      switch (name) {
        case 'string':
          out.push(
            `if (typeof ${a} === 'string') ${t} = ${a}; else if (typeof ${a} === 'number' && Number.isFinite(${a})) ${t} = R.toText(${a}); else { ${general} }`,
          );
          return t;
        case 'exists':
          direct(`${a} !== undefined`, 'true');
          return t;
        case 'type':
          direct(`${a} !== undefined`, `R.typeOf(${a})`);
          return t;
        case 'not':
          direct(`typeof ${a} === 'boolean'`, `!${a}`);
          return t;
        case 'boolean':
          direct(`typeof ${a} === 'boolean'`, a);
          return t;
        case 'count':
          direct(`Array.isArray(${a})`, `${a}.length`);
          return t;
      }
    }
    if (args.length === 2 && a !== undefined && b !== undefined && name === 'contains') {
      out.push(
        `if (typeof ${a} === 'string' && typeof ${b} === 'string') ${t} = ${a}.indexOf(${b}) !== -1; else { ${general} }`,
      );
      return t;
    }
    if (args.length === 2 && a !== undefined && b !== undefined && name === 'join') {
      // `<a<s>s?:s>`: an array of strings and a string pass the check unchanged.
      out.push(
        `if (typeof ${b} === 'string' && R.isArrayOfStrings(${a})) ${t} = ${a}.join(${b}); else { ${general} }`,
      );
      return t;
    }
    if (args.length === 2 && a !== undefined && b !== undefined && name === 'lookup') {
      out.push(
        `if (${a} !== null && typeof ${a} === 'object' && !Array.isArray(${a}) && typeof ${b} === 'string' && !R.isFunctionValue(${a})) ` +
          `{ ${t} = R.hasOwn(${a}, ${b}) ? ${a}[${b}] : undefined; if (Array.isArray(${t})) ${t} = R.normalize(${t}, false); } else { ${general} }`,
      );
      return t;
    }
    out.push(general);
    return t;
  }

  /** Source assigning to `t` the library call made as a compiled call site (or a trampoline) makes it. */
  private nativeGeneral(
    fn: NativeFunction,
    name: string,
    args: readonly string[],
    site: Site,
    t: string,
  ): string {
    const validate = fn.signature === undefined ? 'undefined' : this.constant(fastValidator(fn.signature));
    return (
      `context().depth = ${site.depth}; try { ${t} = R.callNative(${this.constant(fn)}, ${validate}, [${args.join(', ')}], ${site.input}, ctx); } ` +
      `catch (e) { throw ${site.error(name)}; } if (Array.isArray(${t})) ${t} = R.normalize(${t}, false);`
    );
  }

  /**
   * A call of a `definitions:` function, its body generated in place: the arguments bound as locals of the
   * body, its free names resolved in the frame the function was made in (never the caller's), `$` its input.
   */
  private inline(
    lambda: CompiledLambda,
    ast: AstNode,
    name: string,
    position: number | undefined,
    cx: Cx,
    out: string[],
    tail: boolean,
  ): string {
    inlinable(lambda, cx);
    // A tail call runs where the trampoline runs it: at the depth of the call that returned it.
    const depth = tail ? (cx.tail as { depth: number }).depth : cx.depth + 1;
    const argCx = tail ? { ...cx, depth } : this.child(cx);
    const args = (ast.arguments as AstNode[]).map((arg) => this.simple(this.gen(arg, argCx, out), out));
    const t = this.temp();
    out.push(`let ${t};`, 'try {');
    const tailInput = tail ? (cx.tail as { input: string }).input : cx.input;
    out.push(`${t} = ${this.inlineBody(lambda, args, depth, tailInput, cx, out)};`);
    const onError = tail
      ? `R.tailError(e, ${q(name)}, ${position})`
      : `R.callError(e, ${q(name)}, ${position})`;
    out.push(`} catch (e) { throw ${onError}; }`);
    if (!tail) out.push(`if (Array.isArray(${t})) ${t} = R.normalize(${t}, false);`);
    return t;
  }

  /**
   * The body of a `definitions:` function with its parameters bound to `args` (missing ones undefined), run at
   * `depth`; its tail calls run as a trampoline called with `tailInput` runs them. Errors are left to the caller.
   */
  private inlineBody(
    lambda: CompiledLambda,
    args: readonly string[],
    depth: number,
    tailInput: string,
    cx: Cx,
    out: string[],
  ): string {
    const lambdaAst = lambda.ast as AstNode;
    const base = this.definitionBase(lambda, lambdaAst);
    const params = lambda.params.map((param) => [param, `l${this.counter++}`] as [string, string]);
    if (params.length > 0)
      out.push(`let ${params.map(([, id], i) => `${id} = ${args[i] ?? 'undefined'}`).join(', ')};`);
    const outer: Cx = {
      scope: undefined,
      base,
      input: this.constant(lambda.input),
      inputUndefined: lambda.input === undefined,
      depth,
      tail: { depth, input: tailInput },
      inlining: [...cx.inlining, lambda],
    };
    const body = lambdaAst.body as AstNode;
    const bodyCx = this.openScope([body], outer, dedupe(params), out);
    return this.simple(this.gen(body, bodyCx, out), out);
  }

  /**
   * `$sift(object, $f)` with `$f` a `definitions:` function: the loop of `sift` written out, the function's
   * body inlined for each entry. Any argument `sift` would not take as it is goes the general way.
   */
  private inlineSift(ast: AstNode, lambda: CompiledLambda, cx: Cx, site: Site, out: string[]): string {
    inlinable(lambda, cx);
    const inner = { ...cx, depth: site.depth };
    const object = this.simple(this.gen((ast.arguments as AstNode[])[0] as AstNode, inner, out), out);
    const fnValue = this.constant(lambda);
    const t = this.temp();
    const result = this.temp();
    const any = this.temp();
    const key = this.temp();
    const entry = this.temp();
    const general = this.nativeGeneral(LIBRARY['sift'] as NativeFunction, 'sift', [object, fnValue], site, t);
    out.push(
      `let ${t};`,
      `if (${object} === undefined || (${object} !== null && typeof ${object} === 'object' && !Array.isArray(${object}) && !R.isFunctionValue(${object}))) {`,
      'try {',
      `const ${result} = {}; let ${any} = false;`,
      `if (${object} !== undefined) for (const ${key} of Object.keys(${object})) {`,
      counts((lambda.ast as AstNode).body as AstNode) ? 'context().tick();' : '',
      `const ${entry} = ${object}[${key}];`,
    );
    const args = [entry, key, object].slice(0, Math.min(Math.max(lambda.arity, 1), 3));
    const test = this.truthy(this.inlineBody(lambda, args, inner.depth, 'null', cx, out), out);
    out.push(`if (${test}) { R.setKey(${result}, ${key}, ${entry}); ${any} = true; }`, '}');
    out.push(`${t} = ${any} ? ${result} : undefined;`);
    out.push(`} catch (e) { throw ${site.error('sift')}; }`);
    out.push(`} else { ${general} }`);
    return t;
  }

  private definitionBase(lambda: CompiledLambda, lambdaAst: AstNode): Base {
    let base = this.definitionBases.get(lambda);
    if (base !== undefined) return base;
    const frame: Frame = lambda.frame;
    const frameSource = this.constant(frame);
    base = {
      frame: frameSource,
      rootInput: this.constant(frame.lookup('$')),
      locals: localNames(lambdaAst),
      known: (name) => frame.lookup(name),
      read: (name) => `R.readFrame(${frameSource}, ${q(name)})`,
    };
    this.definitionBases.set(lambda, base);
    return base;
  }

  /** A call in tail position of an inlined body (jsonata's thunk): made as the caller's trampoline makes it. */
  private tailCall(ast: AstNode, cx: Cx, out: string[]): string {
    const tail = cx.tail as { depth: number; input: string };
    const call = ast.body as AstNode;
    const procedure = call.procedure as AstNode;
    if (procedure.type === 'variable' && procedure.predicate === undefined && !procedure.keepArray) {
      const name = procedure.value as string;
      if (name !== '' && name !== '$' && this.lookupLocal(cx, name) === undefined) {
        const fn = cx.base.known(name);
        if (fn instanceof CompiledLambda) {
          const sub: string[] = [];
          try {
            const result = this.inline(fn, call, name, procedure.position, cx, sub, true);
            out.push(...sub);
            return result;
          } catch (error) {
            if (!(error instanceof Refuse)) throw error;
          }
        } else if (isNative(fn) && LIBRARY[name] === fn) {
          // The trampoline relocates any error of the call to the procedure's name and position.
          const site: Site = {
            depth: tail.depth,
            input: tail.input,
            error: (fnName) => `R.tailNativeError(e, ${q(fnName)}, ${procedure.position})`,
          };
          return this.library(fn, name, call, cx, site, out);
        }
      }
    }
    // The closure makes the thunk; the trampoline runs it.
    const thunk = this.delegate(ast, cx, out);
    const t = this.temp();
    out.push(
      `let ${t};`,
      `context().depth = ${tail.depth}; try { ${t} = R.unwind(${thunk}, ${tail.input}, ctx); } catch (e) { throw R.tailError(e); }`,
    );
    return t;
  }

  /** `$map(list, function($v, $i, $a){ … })`: the loop written out, the body generated in place. */
  private inlineMap(ast: AstNode, lambda: AstNode, cx: Cx, site: Site, out: string[]): string {
    const inner = { ...cx, depth: site.depth };
    const list = this.simple(this.gen((ast.arguments as AstNode[])[0] as AstNode, inner, out), out);
    const params = (lambda.arguments as AstNode[]).map((param) => param.value as string);
    const arity = params.length;
    const ids = params.map(() => `l${this.counter++}`);
    const t = this.temp();
    const items = this.temp();
    const i = this.temp();
    out.push(`let ${t};`, 'try {', `if (${list} !== undefined) {`);
    out.push(`const ${items} = Array.isArray(${list}) ? ${list} : [${list}];`);
    const r = this.temp();
    out.push(`const ${r} = R.createSequence(context());`);
    // A step per item when the closures would count one (the body is not a leaf), so the time limit holds.
    out.push(
      `for (let ${i} = 0; ${i} < ${items}.length; ${i}++) {`,
      counts(lambda.body as AstNode) ? 'context().tick();' : '',
    );
    const values = [`${items}[${i}]`, i, items];
    out.push(
      `let ${ids.map((id, n) => `${id} = ${n < Math.min(arity, 3) ? values[n] : 'undefined'}`).join(', ')};`,
    );
    const pairs = dedupe(params.map((p, n) => [p, ids[n] as string] as [string, string]));
    const lambdaCx: Cx = { ...cx, depth: inner.depth, tail: { depth: inner.depth, input: 'null' } };
    const bodyCx = this.openScope([lambda.body as AstNode], lambdaCx, pairs, out);
    // Items of the data are read through `normalize`, as a variable read is.
    for (const local of bodyCx.scope?.names.values() ?? []) if (local.id === ids[0]) local.raw = true;
    const value = this.simple(this.gen(lambda.body as AstNode, bodyCx, out), out);
    out.push(`if (${value} !== undefined) ${r}.push(${value});`, '}');
    out.push(`${t} = R.normalize(${r}, false);`, '}');
    // Errors from the body, tail calls included, pass through `$map`'s call site (a library function).
    out.push(`} catch (e) { throw ${site.error('map')}; }`);
    return t;
  }

  /**
   * `$reduce(list, function($acc, $v, $i, $a){ … }, init)`: the loop of `reduce` written out, the body
   * generated in place. The arguments go through `reduce`'s own signature check (with a stand-in for the
   * function), so a list is wrapped and a wrong argument fails exactly as the call would.
   */
  private inlineReduce(
    ast: AstNode,
    fn: NativeFunction,
    lambda: AstNode,
    cx: Cx,
    site: Site,
    out: string[],
  ): string {
    const inner = { ...cx, depth: site.depth };
    const args = ast.arguments as AstNode[];
    const list = this.simple(this.gen(args[0] as AstNode, inner, out), out);
    const init = args[2] === undefined ? undefined : this.simple(this.gen(args[2], inner, out), out);
    const params = (lambda.arguments as AstNode[]).map((param) => param.value as string);
    const ids = params.map(() => `l${this.counter++}`);
    const [t, checked, sequence, result, index] = [
      this.temp(),
      this.temp(),
      this.temp(),
      this.temp(),
      this.temp(),
    ];
    const stand = this.constant({ _jsonata_lambda: true, arity: params.length });
    const validate = fn.signature === undefined ? undefined : this.constant(fastValidator(fn.signature));
    const given = init === undefined ? `[${list}, ${stand}]` : `[${list}, ${stand}, ${init}]`;
    out.push(`let ${t};`, 'try {');
    out.push(
      `const ${checked} = ${validate === undefined ? given : `${validate}(${given}, ${site.input})`};`,
    );
    out.push(`const ${sequence} = ${checked}[0];`);
    out.push(`if (${sequence} !== undefined) {`, `let ${result}, ${index};`);
    out.push(
      `if (${checked}[2] === undefined && ${sequence}.length > 0) { ${result} = ${sequence}[0]; ${index} = 1; } else { ${result} = ${checked}[2]; ${index} = 0; }`,
    );
    out.push(
      `for (; ${index} < ${sequence}.length; ${index}++) {`,
      counts(lambda.body as AstNode) ? 'context().tick();' : '',
    );
    const values = [result, `${sequence}[${index}]`, index, sequence];
    out.push(`let ${ids.map((id, n) => `${id} = ${n < 4 ? values[n] : 'undefined'}`).join(', ')};`);
    const pairs = dedupe(params.map((p, n) => [p, ids[n] as string] as [string, string]));
    const lambdaCx: Cx = { ...cx, depth: inner.depth, tail: { depth: inner.depth, input: 'null' } };
    const bodyCx = this.openScope([lambda.body as AstNode], lambdaCx, pairs, out);
    // The accumulator and the items are values of the data, read through `normalize` as a variable is.
    for (const local of bodyCx.scope?.names.values() ?? []) {
      if (local.id === ids[0] || local.id === ids[1]) local.raw = true;
    }
    out.push(`${result} = ${this.gen(lambda.body as AstNode, bodyCx, out)};`, '}');
    out.push(`${t} = ${result};`, '}');
    out.push(`} catch (e) { throw ${site.error('reduce')}; }`);
    out.push(`if (Array.isArray(${t})) ${t} = R.normalize(${t}, false);`);
    return t;
  }

  /**
   * Hands a subtree to its closure, with a frame holding the generated locals it reads. Refused when the
   * subtree could bind a name in a generated scope, or make a function that would keep the frame (the locals
   * it holds are copies).
   */
  private delegate(ast: AstNode, cx: Cx, out: string[]): string {
    if (bindsOutward(ast)) throw new Refuse('a `:=` handed to a closure');
    const visible: [string, string][] = [];
    for (const name of variableNames(ast)) {
      const local = this.lookupLocal(cx, name);
      if (local !== undefined) visible.push([name, local.id]);
    }
    if (visible.length > 0 && makesFunctions(ast)) throw new Refuse('a function over generated locals');
    const index = this.closures.length;
    this.closures.push(lazyClosure(ast, cx.base.locals));
    const frame =
      visible.length === 0
        ? cx.base.frame
        : `R.frameOf(${cx.base.frame}, ${this.constant(visible.map(([name]) => name))}, [${visible.map(([, id]) => id).join(', ')}])`;
    const t = this.temp();
    out.push(`context().depth = ${cx.depth};`, `const ${t} = C[${index}](${cx.input}, ${frame}, ctx);`);
    return t;
  }
}

/**
 * The closure for `ast`, compiled on its first call: most are the fallback of a path for an input the source
 * does not expect, and never run.
 */
function lazyClosure(ast: AstNode, locals: ReadonlySet<string>): Node {
  let node: Node | undefined;
  return (input, frame, ctx) => {
    node ??= compileSubtree(ast, locals);
    return node(input, frame, ctx);
  };
}

/** Parameters by name, the last of a repeated name winning (as the closures' frame lookup). */
/** Nodes the closures evaluate without counting a step (see `compile-node.ts`). */
const LEAVES = new Set([
  'string',
  'number',
  'value',
  'variable',
  'name',
  'parent',
  'regex',
  'wildcard',
  'descendant',
]);

/** Whether evaluating `ast` counts at least one step in the closures. */
function counts(ast: AstNode): boolean {
  return !LEAVES.has(ast.type) || ast.predicate !== undefined || ast.group !== undefined;
}

/** A `function(…){ … }` literal with nothing around it (no signature, predicate or grouping). */
function isPlainLambda(ast: AstNode): boolean {
  return (
    ast.type === 'lambda' &&
    !ast.thunk &&
    ast.signature === undefined &&
    ast.predicate === undefined &&
    !ast.keepArray &&
    ast.group === undefined
  );
}

/** Refuses a function whose body cannot be inlined here. */
function inlinable(lambda: CompiledLambda, cx: Cx): void {
  if (lambda.ast === undefined || lambda.signature !== undefined) throw new Refuse('not inlinable');
  if (cx.inlining.includes(lambda) || cx.inlining.length >= MAX_INLINE) throw new Refuse('recursive');
  if (Array.isArray(lambda.input)) throw new Refuse('array input');
}

function dedupe(pairs: readonly [string, string][]): [string, string][] {
  const map = new Map<string, string>();
  for (const [name, id] of pairs) map.set(name, id);
  return [...map];
}

/** The names `:=` binds in the scope of `ast` (not inside a nested block or function). */
function collectBinds(ast: unknown, into: Set<string>): void {
  if (ast === null || typeof ast !== 'object') return;
  const node = ast as AstNode;
  if (node.type === 'block' || node.type === 'lambda') return;
  if (node.type === 'bind' && node.lhs !== undefined && !Array.isArray(node.lhs))
    into.add(node.lhs.value as string);
  for (const child of Object.values(node))
    if (child !== null && typeof child === 'object') collectBinds(child, into);
}

/** True when `ast` contains a `:=` that binds in the frame it is evaluated in. */
function bindsOutward(ast: AstNode): boolean {
  if (ast.type === 'block' || ast.type === 'lambda') return false;
  const names = new Set<string>();
  collectBinds(ast, names);
  return names.size > 0;
}

/** True when evaluating `ast` can make a function value (which would keep its frame). */
function makesFunctions(ast: unknown): boolean {
  if (ast === null || typeof ast !== 'object') return false;
  const { type } = ast as { type?: unknown };
  if (type === 'lambda' || type === 'partial' || type === 'transform') return true;
  for (const child of Object.values(ast))
    if (child !== null && typeof child === 'object' && makesFunctions(child)) return true;
  return false;
}
