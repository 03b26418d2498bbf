/**
 * @module JSONata syntax tree → JavaScript source, for the node kinds a mapping is made of: literals, field
 * paths, `$` variables (generated locals for `:=` and parameters), blocks, conditions, operators, object and
 * array constructors, library calls, `$map`/`$reduce`/`$sift` loops, and calls to `definitions:` functions,
 * whose bodies are inlined. Each generated piece does what the closure for that node does (see the sibling
 * modules of `compiler/`), with the same singleton/sequence rules, undefined propagation, error codes and
 * positions. Every other subtree is handed to its closure (`delegation.ts`), with a frame holding the
 * generated locals it reads, and so is a fast path whose assumption fails at run time (a path meeting an
 * array). This file holds what the node kinds share (numbering, constants) and picks the one for each node;
 * each kind is a module of its own, and `guardrails.ts` says how depth, time and sequence caps are kept.
 */
import type { AstNode, Node } from '../ast.js';
import type { CompiledLambda } from '../callable.js';
import type { Limits } from '../context.js';
import { bind, block } from './blocks.js';
import { call, tailCall } from './calls.js';
import { condition } from './conditions.js';
import { array, object } from './constructors.js';
import { delegate } from './delegation.js';
import { type Base, rootBase } from './free-names.js';
import type { Cx } from './generation-context.js';
import { DepthReach } from './guardrails.js';
import { literal } from './literals.js';
import { binary, negation } from './operators.js';
import { path } from './paths.js';
import { attempt } from './refuse.js';
import { openScope } from './scopes.js';
import { fixedIndex, variable } from './variables.js';
import type { Writer } from './writer.js';

export class SourceGenerator implements Writer {
  readonly constants: unknown[] = [];
  readonly closures: Node[] = [];
  /** Root names read as values known at generation: a caller's binding of the same name must not exist. */
  readonly guards = new Set<string>();
  readonly definitionBases = new Map<CompiledLambda, Base>();
  private readonly constantIds = new Map<unknown, number>();
  private counter = 0;
  private readonly depth = new DepthReach();

  constructor(
    private readonly globals: Readonly<Record<string, unknown>>,
    readonly limits: Limits,
  ) {}

  /** The body of the generated function for the whole expression (`input`, `bindings`, `ctx` and `context()` in scope). */
  generate(ast: AstNode): string {
    const out: string[] = [];
    const cx: Cx = {
      scope: undefined,
      base: rootBase(this, ast, this.globals, this.guards),
      input: 'input',
      inputUndefined: false,
      depth: 0,
      tail: undefined,
      inlining: [],
    };
    const scoped = openScope(this, [ast], cx, [], out);
    const result = this.gen(ast, scoped, out);
    out.push(`return ${result};`);
    this.depth.check(this.limits);
    return out.join('\n');
  }

  constant(value: unknown): string {
    if (value === undefined) return 'undefined';
    let id = this.constantIds.get(value);
    if (id === undefined) {
      id = this.constants.length;
      this.constants.push(value);
      this.constantIds.set(value, id);
    }
    return `K[${id}]`;
  }

  temp(): string {
    return `t${this.counter++}`;
  }

  local(): string {
    return `l${this.counter++}`;
  }

  simple(value: string, out: string[]): string {
    if (/^-?\d[\d.e+-]*$/.test(value)) return `(${value})`;
    if (/^([A-Za-z_$][\w$]*|K\[\d+\]|"(?:[^"\\]|\\.)*"|null|true|false|undefined)$/.test(value)) {
      return value;
    }
    const t = this.temp();
    out.push(`const ${t} = ${value};`);
    return t;
  }

  gen(ast: AstNode, cx: Cx, out: string[]): string {
    // A `:=` handed to its closure would bind in a copy of the frame, never in the generated local: its
    // refusal goes up to the node that holds it.
    if (ast.type === 'bind') return this.node(ast, cx, out);
    return attempt(out, (sub) => this.node(ast, cx, sub)) ?? delegate(this, ast, cx, out);
  }

  private node(ast: AstNode, cx: Cx, out: string[]): string {
    this.depth.reach(cx.depth);
    if (ast.group !== undefined || ast.keepArray) return delegate(this, ast, cx, out);
    if (ast.predicate !== undefined) return fixedIndex(this, ast, cx, out) ?? delegate(this, ast, cx, out);
    switch (ast.type) {
      case 'string':
      case 'number':
      case 'value':
        return literal(this, ast);
      case 'variable':
        return variable(this, ast.value as string, cx);
      case 'path':
        return path(this, ast, cx, out);
      case 'block':
        return block(this, ast, cx, out);
      case 'bind':
        return bind(this, ast, cx, out);
      case 'condition':
        return condition(this, ast, cx, out);
      case 'binary':
        return binary(this, ast, cx, out);
      case 'unary':
        if (ast.value === '{') return object(this, ast, cx, out);
        if (ast.value === '[') return array(this, ast, cx, out);
        if (ast.value === '-') return negation(this, ast, cx, out);
        return delegate(this, ast, cx, out);
      case 'function':
        return call(this, ast, cx, out);
      case 'lambda':
        if (ast.thunk === true && cx.tail !== undefined) return tailCall(this, ast, cx, out);
        return delegate(this, ast, cx, out);
      default:
        return delegate(this, ast, cx, out);
    }
  }
}
