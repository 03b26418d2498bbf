/**
 * @module Location paths: `a.b[pred].c`, steps mapped over sequences and flattened, predicates (filters and
 * indexes), wildcards, descendants, and tuple streams for `@`, `#` and `%`. A transliteration of jsonata's
 * `evaluatePath`/`evaluateStep`/`evaluateTupleStep`/`evaluateFilter`, with one fast path: a chain of plain
 * field names over objects (the common mapping case) is read directly, and falls back to the general walk as
 * soon as it meets an array.
 */
import type { AstNode, Compile, Node } from './ast.js';
import { compileGroup, type GroupNode } from './constructors.js';
import type { EvalContext } from './context.js';
import type { Frame } from './frame.js';
import { append, createSequence, flatten, isSequence, normalize, type Sequence } from './sequence.js';
import { compileSortStep, type SortStep } from './sort.js';
import { frameFromTuple, type Tuple } from './tuples.js';
import { isArrayOfNumbers, isFunctionValue, isNumeric, isTrue } from './values.js';

/** A predicate: a numeric index fixed at compile time, or an expression. */
export type Filter = (input: unknown, frame: Frame, ctx: EvalContext) => Sequence;

export function compileFilter(compile: Compile, predicate: AstNode): Filter {
  if (predicate.type === 'number') {
    const fixed = Math.floor(predicate.value as number);
    return (input, _frame, ctx) => {
      let results: Sequence = createSequence(ctx);
      if ((input as Sequence | undefined)?.tupleStream) results.tupleStream = true;
      const items: unknown[] = Array.isArray(input) ? input : createSequence(ctx, input);
      const item = items[fixed < 0 ? items.length + fixed : fixed];
      if (item !== undefined) {
        if (Array.isArray(item)) results = item;
        else results.push(item);
      }
      return results;
    };
  }
  const test = compile(predicate);
  return (input, frame, ctx) => {
    const results = createSequence(ctx);
    const tupleStream = (input as Sequence | undefined)?.tupleStream === true;
    if (tupleStream) results.tupleStream = true;
    const items: unknown[] = Array.isArray(input) ? input : createSequence(ctx, input);
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      let res = tupleStream
        ? test((item as Tuple)['@'], frameFromTuple(frame, item as Tuple), ctx)
        : test(item, frame, ctx);
      if (isNumeric(res)) res = [res];
      if (isArrayOfNumbers(res)) {
        for (const position of res as number[]) {
          let at = Math.floor(position);
          if (at < 0) at = items.length + at;
          if (at === index) results.push(item);
        }
      } else if (isTrue(res)) results.push(item);
    }
    return results;
  };
}

/** `name`: a field of an object, or of each object in an array (flattened). */
export function lookupName(ctx: EvalContext, input: unknown, key: string): unknown {
  if (Array.isArray(input)) {
    const result = createSequence(ctx);
    for (const item of input) {
      const value = lookupName(ctx, item, key);
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) result.push(v);
      else result.push(value);
    }
    return result;
  }
  if (input !== null && typeof input === 'object' && Object.hasOwn(input, key) && !isFunctionValue(input)) {
    return (input as Record<string, unknown>)[key];
  }
  return undefined;
}

export function wildcard(ctx: EvalContext, input: unknown): unknown {
  let results: unknown = createSequence(ctx);
  let source = input;
  if (Array.isArray(source) && (source as Sequence).outerWrapper && source.length > 0) source = source[0];
  if (source !== null && typeof source === 'object' && !isFunctionValue(source)) {
    for (const key of Object.keys(source)) {
      const value = (source as Record<string, unknown>)[key];
      if (Array.isArray(value)) results = append(ctx, results, flatten(value));
      else (results as unknown[]).push(value);
    }
  }
  return results;
}

export function descendants(ctx: EvalContext, input: unknown): unknown {
  if (input === undefined) return undefined;
  const results = createSequence(ctx);
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const member of value) walk(member);
      return;
    }
    results.push(value);
    if (value !== null && typeof value === 'object' && !isFunctionValue(value)) {
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key]);
    }
  };
  walk(input);
  return results.length === 1 ? results[0] : results;
}

interface CompiledStep {
  ast: AstNode;
  node: Node;
  /** Filters (and `#` positions) applied to the step's output. */
  stages: ({ kind: 'filter'; filter: Filter } | { kind: 'index'; name: string })[];
  sort?: SortStep;
}

function compileStep(compile: Compile, ast: AstNode): CompiledStep {
  const stages = (ast.stages ?? []).map((stage) =>
    stage.type === 'filter'
      ? { kind: 'filter' as const, filter: compileFilter(compile, stage.expr as AstNode) }
      : { kind: 'index' as const, name: stage.value as string },
  );
  if (ast.type === 'sort') return { ast, node: () => undefined, stages, sort: compileSortStep(compile, ast) };
  return { ast, node: compile(ast), stages };
}

function applyStages(ctx: EvalContext, step: CompiledStep, input: unknown, frame: Frame): unknown {
  let result = input;
  for (const stage of step.stages) {
    if (stage.kind === 'filter') result = stage.filter(result, frame, ctx);
    else {
      const tuples = result as Tuple[];
      for (let i = 0; i < tuples.length; i++) (tuples[i] as Tuple)[stage.name] = i;
    }
  }
  return result;
}

function evaluateStep(
  ctx: EvalContext,
  step: CompiledStep,
  input: unknown[],
  frame: Frame,
  lastStep: boolean,
): unknown {
  if (step.sort !== undefined) {
    const sorted = step.sort(input, frame, ctx);
    return step.stages.length > 0 ? applyStages(ctx, step, sorted, frame) : sorted;
  }
  const result = createSequence(ctx);
  for (let i = 0; i < input.length; i++) {
    let res = step.node(input[i], frame, ctx);
    for (const stage of step.stages) {
      if (stage.kind === 'filter') res = stage.filter(res, frame, ctx);
    }
    if (res !== undefined) result.push(res);
  }
  if (lastStep && result.length === 1 && Array.isArray(result[0]) && !isSequence(result[0])) {
    return result[0];
  }
  const flattened = createSequence(ctx);
  for (const res of result) {
    if (!Array.isArray(res) || (res as Sequence).cons) flattened.push(res);
    else for (const value of res) flattened.push(value);
  }
  return flattened;
}

function evaluateTupleStep(
  ctx: EvalContext,
  step: CompiledStep,
  input: unknown[],
  bindings: Tuple[] | undefined,
  frame: Frame,
): Sequence {
  const { ast } = step;
  if (step.sort !== undefined) {
    let result: Sequence;
    if (bindings !== undefined) result = step.sort(bindings, frame, ctx) as Sequence;
    else {
      const sorted = step.sort(input, frame, ctx) as unknown[];
      result = createSequence(ctx);
      result.tupleStream = true;
      for (let i = 0; i < sorted.length; i++) {
        const tuple: Tuple = { '@': sorted[i] };
        tuple[ast.index as string] = i;
        result.push(tuple);
      }
    }
    return (step.stages.length > 0 ? applyStages(ctx, step, result, frame) : result) as Sequence;
  }
  let result = createSequence(ctx);
  result.tupleStream = true;
  const stream = bindings ?? input.map((item) => ({ '@': item }) as Tuple);
  for (const binding of stream) {
    const res = step.node(binding['@'], frameFromTuple(frame, binding), ctx);
    if (res === undefined) continue;
    const values = Array.isArray(res) ? res : [res];
    for (let b = 0; b < values.length; b++) {
      const tuple: Tuple = Object.create(null);
      Object.assign(tuple, binding);
      if ((values as Sequence).tupleStream) Object.assign(tuple, values[b]);
      else {
        if (ast.focus !== undefined) {
          tuple[ast.focus] = values[b];
          tuple['@'] = binding['@'];
        } else tuple['@'] = values[b];
        if (ast.index !== undefined) tuple[ast.index] = b;
        if (ast.ancestor !== undefined) tuple[ast.ancestor.label] = binding['@'];
      }
      result.push(tuple);
    }
  }
  if (step.stages.length > 0) result = applyStages(ctx, step, result, frame) as Sequence;
  return result;
}

export function compilePath(compile: Compile, ast: AstNode): Node {
  const stepsAst = ast.steps as AstNode[];
  const steps = stepsAst.map((step) => compileStep(compile, step));
  const firstIsVariable = (stepsAst[0] as AstNode).type === 'variable';
  const group: GroupNode | undefined = ast.group !== undefined ? compileGroup(compile, ast.group) : undefined;

  const general: Node = (input, frame, ctx) => {
    let inputSequence: unknown =
      Array.isArray(input) && !firstIsVariable ? input : createSequence(ctx, input);
    let resultSequence: unknown;
    let tupleStream = false;
    let tupleBindings: Tuple[] | undefined;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i] as CompiledStep;
      if (step.ast.tuple) tupleStream = true;
      if (i === 0 && step.ast.consarray) resultSequence = step.node(inputSequence, frame, ctx);
      else if (tupleStream) {
        tupleBindings = evaluateTupleStep(
          ctx,
          step,
          inputSequence as unknown[],
          tupleBindings,
          frame,
        ) as Tuple[];
      } else {
        resultSequence = evaluateStep(ctx, step, inputSequence as unknown[], frame, i === steps.length - 1);
      }
      if (!tupleStream && (resultSequence === undefined || (resultSequence as unknown[]).length === 0)) break;
      // As jsonata: a tuple step leaves the input sequence as the last plain step's result.
      if (step.ast.focus === undefined) inputSequence = resultSequence;
    }
    if (tupleStream) {
      if (ast.tuple) resultSequence = tupleBindings;
      else {
        const values = createSequence(ctx);
        for (const tuple of tupleBindings ?? []) values.push(tuple['@']);
        resultSequence = values;
      }
    }
    if (ast.keepSingletonArray && resultSequence !== undefined) {
      let kept = resultSequence as Sequence;
      if (Array.isArray(kept) && kept.cons && !kept.sequence) kept = createSequence(ctx, kept);
      kept.keepSingleton = true;
      resultSequence = kept;
    }
    if (group !== undefined) resultSequence = group(tupleStream ? tupleBindings : resultSequence, frame, ctx);
    return resultSequence;
  };

  const fast = fastNamePath(steps, firstIsVariable);
  if (fast === undefined || ast.keepSingletonArray || group !== undefined || ast.tuple) return general;
  return (input, frame, ctx) => {
    const value = fast(input, frame, ctx);
    return value === BAIL ? general(input, frame, ctx) : value;
  };
}

/**
 * A whole path node (the dispatcher's wrapper included) when the fast walk applies: the wrapper's counting and
 * normalising only on the general walk. The fast walk never yields a sequence, and it checks that the depth
 * the general walk would reach (the path, then its step) fits, so the depth cap trips exactly as in jsonata.
 */
export function compileFusedPath(compile: Compile, ast: AstNode): Node | undefined {
  const stepsAst = ast.steps as AstNode[];
  const firstIsVariable = (stepsAst[0] as AstNode).type === 'variable';
  if (ast.keepSingletonArray || ast.group !== undefined || ast.tuple || ast.keepArray) return undefined;
  const fast = fastNamePath(
    stepsAst.map((step) => compileStep(compile, step)),
    firstIsVariable,
  );
  if (fast === undefined) return undefined;
  const general = compilePath(compile, ast);
  return (input, frame, ctx) => {
    const value = fast(input, frame, ctx);
    if (value !== BAIL) return value;
    ctx.enter();
    const result = normalize(general(input, frame, ctx), false);
    ctx.leave();
    return result;
  };
}

const BAIL = Symbol('bail');

/**
 * `a.b.c` or `$v.b.c` with plain name steps: reads the fields directly while every value met is a non-array
 * object, which is what the general walk computes in that case. Anything else bails to the general walk.
 */
function fastNamePath(
  steps: CompiledStep[],
  firstIsVariable: boolean,
): ((input: unknown, frame: Frame, ctx: EvalContext) => unknown) | undefined {
  const names: string[] = [];
  if (steps.length < 2 && firstIsVariable) return undefined;
  for (const [i, step] of steps.entries()) {
    const { ast } = step;
    if (step.stages.length > 0 || step.sort !== undefined || ast.tuple) return undefined;
    if (ast.focus !== undefined || ast.index !== undefined || ast.group !== undefined) return undefined;
    if (ast.keepArray || ast.predicate !== undefined || ast.ancestor !== undefined) return undefined;
    if (i === 0 && firstIsVariable) continue;
    if (ast.type !== 'name') return undefined;
    names.push(ast.value as string);
  }
  const head = firstIsVariable ? (steps[0] as CompiledStep).node : undefined;
  return (input, frame, ctx) => {
    // The path node and its step: two levels below the current depth.
    const { maxDepth } = ctx.limits;
    if (maxDepth > 0 && ctx.depth + 2 > maxDepth) return BAIL;
    let value = head === undefined ? input : head(input, frame, ctx);
    if (value === undefined) return undefined;
    for (const name of names) {
      if (value === null || typeof value !== 'object') return undefined;
      if (Array.isArray(value) || isFunctionValue(value)) return BAIL;
      if (!Object.hasOwn(value, name)) return undefined;
      value = (value as Record<string, unknown>)[name];
      if (value === undefined) return undefined;
    }
    if (Array.isArray(value) && isSequence(value)) return BAIL;
    return value;
  };
}
