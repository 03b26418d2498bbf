/**
 * @module Operators: `and`/`or` short-circuiting, `=`/`!=` and `&` answered directly for the common operand
 * types, `x in $known` against a list known at generation, unary minus, every other operator through the
 * closures' own operation (`operators.ts`), its errors located as the closure locates them. `..` goes to its
 * closure.
 */
import type { AstNode } from '../ast.js';
import { OPERATIONS } from '../operators.js';
import { delegate } from './delegation.js';
import { knownList } from './free-names.js';
import { type Cx, child } from './generation-context.js';
import { q, type Writer } from './writer.js';

export function binary(g: Writer, ast: AstNode, cx: Cx, out: string[]): string {
  const op = ast.value as string;
  const inner = child(cx);
  const where = g.constant({ position: ast.position, value: ast.value });
  if (op === 'and' || op === 'or') {
    const left = g.simple(g.gen(ast.lhs as AstNode, inner, out), out);
    const t = g.temp();
    out.push(`let ${t};`, 'try {', `${t} = R.isTrue(${left});`);
    out.push(op === 'and' ? `if (${t}) {` : `if (!${t}) {`);
    const right = g.gen(ast.rhs as AstNode, inner, out);
    out.push(`${t} = R.isTrue(${right});`, '}');
    out.push(`} catch (e) { throw R.locatedOperator(e, ${where}); }`);
    return t;
  }
  if (op === '..') return delegate(g, ast, cx, out);
  const left = g.simple(g.gen(ast.lhs as AstNode, inner, out), out);
  const right = g.simple(g.gen(ast.rhs as AstNode, inner, out), out);
  const t = g.temp();
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
      const list = knownList(ast.rhs as AstNode, cx);
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
        `else try { ${t} = ${g.constant(OPERATIONS['&'])}(${left}, ${right}, context()); } catch (e) { throw R.locatedOperator(e, ${where}); }`,
      );
      return t;
    default: {
      const operation = OPERATIONS[op];
      if (operation === undefined) return delegate(g, ast, cx, out);
      out.push(
        `let ${t};`,
        `try { ${t} = ${g.constant(operation)}(${left}, ${right}, context()); } catch (e) { throw R.locatedOperator(e, ${where}); }`,
      );
      return t;
    }
  }
}

/** `-x`. */
export function negation(g: Writer, ast: AstNode, cx: Cx, out: string[]): string {
  const value = g.gen(ast.expression as AstNode, child(cx), out);
  const t = g.temp();
  out.push(`const ${t} = R.negate(${value}, ${ast.position});`);
  return t;
}
