/**
 * @module Field paths `a.b.c` (from the input or a variable): each step read in place, for objects only. A
 * path meeting an array, a function value or a sequence bails out to its closure at run time.
 */
import type { AstNode } from '../ast.js';
import { delegate } from './delegation.js';
import type { Cx } from './generation-context.js';
import { variable } from './variables.js';
import { q, type Writer } from './writer.js';

export function path(g: Writer, ast: AstNode, cx: Cx, out: string[]): string {
  const steps = ast.steps as AstNode[];
  const firstIsVariable = (steps[0] as AstNode).type === 'variable';
  if (ast.keepSingletonArray || ast.tuple || (steps.length < 2 && firstIsVariable)) {
    return delegate(g, ast, cx, out);
  }
  const names: string[] = [];
  for (const [i, step] of steps.entries()) {
    if ((step.stages ?? []).length > 0 || step.type === 'sort' || step.tuple)
      return delegate(g, ast, cx, out);
    if (step.focus !== undefined || step.index !== undefined || step.group !== undefined) {
      return delegate(g, ast, cx, out);
    }
    if (step.keepArray || step.predicate !== undefined || step.ancestor !== undefined) {
      return delegate(g, ast, cx, out);
    }
    if (i === 0 && firstIsVariable) continue;
    if (step.type !== 'name') return delegate(g, ast, cx, out);
    names.push(step.value as string);
  }
  if (!firstIsVariable && cx.inputUndefined) return 'undefined';
  const head = firstIsVariable ? variable(g, (steps[0] as AstNode).value as string, cx) : cx.input;
  const t = g.temp();
  const bail = g.temp();
  out.push(`let ${t} = ${head}, ${bail} = false;`);
  names.forEach((name, i) => {
    const step =
      `if (${t} !== undefined) { if (${t} === null || typeof ${t} !== 'object') ${t} = undefined; ` +
      `else if (Array.isArray(${t}) || R.isFunctionValue(${t})) { ${bail} = true; ${t} = undefined; } ` +
      `else ${t} = R.hasOwn(${t}, ${q(name)}) ? ${t}[${q(name)}] : undefined; }`;
    // The expression's own input was checked once on entry (`plain`): a field of it is read directly.
    if (i === 0 && head === 'input') {
      out.push(`if (plain) ${t} = R.hasOwn(input, ${q(name)}) ? input[${q(name)}] : undefined; else ${step}`);
    } else out.push(step);
  });
  out.push(`if (Array.isArray(${t}) && ${t}.sequence === true) ${bail} = true;`);
  const slow: string[] = [];
  const value = delegate(g, ast, cx, slow);
  out.push(`if (${bail}) { ${slow.join(' ')} ${t} = ${value}; }`);
  return t;
}
