/**
 * @module Function calls `$f(a, b)`, lambdas `function($x){ … }` (tail calls become thunks for the
 * trampoline), partial application `$f(?, 2)`, and `~>` (apply, or compose when both sides are functions).
 */
import jsonata from 'jsonata';
import type { AstNode, Compile, Node } from './ast.js';
import { apply, CompiledLambda, isNative, type NativeFunction, relocate, Thunk, unwind } from './callable.js';
import type { EvalContext } from './context.js';
import { jsonataError } from './errors.js';
import { Frame } from './frame.js';
import { normalize } from './sequence.js';
import { fastValidator, type Validate } from './signature.js';
import { isFunctionValue } from './values.js';

/** The name a call site gives its function in errors: `$name` → `name`, `name(…)` → `name`. */
function procedureName(procedure: AstNode): string | undefined {
  if (procedure.type === 'path') return (procedure.steps as AstNode[])[0]?.value as string | undefined;
  return typeof procedure.value === 'string' ? procedure.value : undefined;
}

/** `name(…)` where `$name` exists: the author forgot the `$`. */
function forgotDollar(procedure: AstNode, frame: Frame): string | undefined {
  if (procedure.type !== 'path') return undefined;
  const name = (procedure.steps as AstNode[])[0]?.value;
  return typeof name === 'string' && frame.lookup(name) ? name : undefined;
}

export function located(error: unknown, position: number | undefined, token: string | undefined): unknown {
  if (error !== null && typeof error === 'object') {
    const e = error as { position?: unknown; token?: unknown };
    if (!e.position) e.position = position;
    if (!e.token) e.token = token;
  }
  return error;
}

/**
 * A call; with `applyTo`, the call on the right of `~>` whose first argument is the left side. With `wrapped`,
 * the node includes what the dispatcher's wrapper does (a level of depth, a step, normalising the result), which
 * saves a closure call on the most frequent node of a mapping.
 */
export function compileCall(compile: Compile, ast: AstNode, wrapped = false): (applyTo?: Node) => Node {
  const procedureAst = ast.procedure as AstNode;
  const procedure = compile(procedureAst);
  const args = (ast.arguments as AstNode[]).map(compile);
  const name = procedureName(procedureAst);
  const position = ast.position;
  // The last library function this call site called, and its argument check.
  let lastNative: NativeFunction | undefined;
  let lastValidate: Validate | undefined;
  const keepArray = ast.keepArray === true;
  return (applyTo) => {
    const call = callNode(applyTo);
    if (!wrapped) return call;
    return (input, frame, ctx) => {
      ctx.enter();
      const result = normalize(call(input, frame, ctx), keepArray);
      ctx.leave();
      return result;
    };
  };

  function callNode(applyTo: Node | undefined): Node {
    return (input, frame, ctx) => {
      // `a ~> $f(b)`: the left side is evaluated before the function, as in jsonata.
      const context = applyTo === undefined ? undefined : applyTo(input, frame, ctx);
      const proc = procedure(input, frame, ctx);
      if (proc === undefined) {
        const token = forgotDollar(procedureAst, frame);
        if (token !== undefined) throw jsonataError('T1005', { position, token });
      }
      const evaluated: unknown[] = [];
      if (applyTo !== undefined) evaluated.push(context);
      for (const arg of args) evaluated.push(arg(input, frame, ctx));
      const named = proc !== null && typeof proc === 'object';
      try {
        // The common case, a lambda without a signature: called directly, tail calls unwound here.
        if (proc instanceof CompiledLambda && proc.signature === undefined) {
          let result: unknown;
          try {
            result = proc.invoke(evaluated, ctx);
          } catch (error) {
            throw relocate(error, name, position);
          }
          return unwind(result, input, ctx);
        }
        // A library function: its checked arguments straight to its implementation (no tail calls to unwind).
        if (isNative(proc)) {
          if (proc !== lastNative) {
            lastNative = proc;
            lastValidate = proc.signature === undefined ? undefined : fastValidator(proc.signature);
          }
          try {
            return proc.run(
              lastValidate === undefined ? evaluated : lastValidate(evaluated, input),
              ctx,
              input,
            );
          } catch (error) {
            throw relocate(error, name, position);
          }
        }
        return apply(proc, evaluated, input, ctx, named ? name : undefined, named ? position : undefined);
      } catch (error) {
        throw located(error, position, name);
      }
    };
  }
}

export function compileLambda(compile: Compile, ast: AstNode): Node {
  if (ast.thunk === true) {
    const call = ast.body as AstNode;
    const procedureAst = call.procedure as AstNode;
    const procedure = compile(procedureAst);
    const args = (call.arguments as AstNode[]).map(compile);
    const token = procedureAst.type === 'variable' ? (procedureAst.value as string) : undefined;
    return (input, frame) => new Thunk(procedure, args, input, frame, token, procedureAst.position);
  }
  const params = (ast.arguments as AstNode[]).map((param) => param.value as string);
  const body = compile(ast.body as AstNode);
  const signature = ast.signature;
  return (input, frame) => new CompiledLambda(params, body, frame, input, signature, ast);
}

const PLACEHOLDER = Symbol('?');

/** The parameter names of a JavaScript function, as jsonata reads them for partial application. */
function nativeParameters(fn: unknown): string[] {
  const source = String(fn);
  const list = /\(([^)]*)\)/.exec(source)?.[1] ?? '';
  return list.split(',').map((name) => name.trim());
}

export function compilePartial(compile: Compile, ast: AstNode): Node {
  const procedureAst = ast.procedure as AstNode;
  const procedure = compile(procedureAst);
  const args = (ast.arguments as AstNode[]).map((arg) =>
    arg.type === 'operator' && arg.value === '?' ? undefined : compile(arg),
  );
  const position = ast.position;
  return (input, frame, ctx) => {
    const evaluated = args.map((arg) => (arg === undefined ? PLACEHOLDER : arg(input, frame, ctx)));
    const proc = procedure(input, frame, ctx);
    if (proc === undefined) {
      const token = forgotDollar(procedureAst, frame);
      if (token !== undefined) throw jsonataError('T1007', { position, token });
    }
    if (proc instanceof CompiledLambda)
      return partialLambda(proc.params, proc.body, proc.frame, proc.input, evaluated);
    if (isNative(proc)) {
      const names = nativeParameters(proc.implementation);
      const body: Node = (_input, scope, innerCtx) =>
        proc.run(
          names.map((n) => scope.lookup(n)),
          innerCtx,
          undefined,
        );
      return partialLambda(names, body, frame, undefined, evaluated);
    }
    if (typeof proc === 'function') {
      const names = nativeParameters(proc);
      const body: Node = (_input, scope) =>
        proc.apply(
          {},
          names.map((n) => scope.lookup(n)),
        );
      return partialLambda(names, body, frame, undefined, evaluated);
    }
    throw jsonataError('T1008', { position, token: procedureName(procedureAst) });
  };
}

function partialLambda(
  params: readonly string[],
  body: Node,
  frame: Frame,
  input: unknown,
  args: unknown[],
): CompiledLambda {
  const scope = new Frame(frame, frame.root);
  const unbound: string[] = [];
  params.forEach((param, index) => {
    const arg = args[index];
    if (arg === PLACEHOLDER) unbound.push(param);
    else scope.bind(param, arg);
  });
  return new CompiledLambda(unbound, body, scope, input, undefined);
}

const CHAIN = jsonata('function($f, $g) { function($x){ $g($f($x)) } }').ast() as unknown as AstNode;

export function compileApply(compile: Compile, ast: AstNode): Node {
  const lhs = compile(ast.lhs as AstNode);
  const rhsAst = ast.rhs as AstNode;
  if (rhsAst.type === 'function') return compileCall(compile, rhsAst)(lhs);
  const rhs = compile(rhsAst);
  const chain = compile(CHAIN);
  return (input, frame, ctx: EvalContext) => {
    const left = lhs(input, frame, ctx);
    const func = rhs(input, frame, ctx);
    if (!isFunctionValue(func)) throw jsonataError('T2006', { position: ast.position, value: func });
    if (isFunctionValue(left)) {
      const compose = chain(null, frame, ctx);
      return apply(compose, [left, func], null, ctx);
    }
    return apply(func, [left], null, ctx);
  };
}
