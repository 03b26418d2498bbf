/** @module `$map(list, function($v, $i, $a){ … })`: the loop written out, the body generated in place. */
import type { AstNode } from '../ast.js';
import { tick } from './guardrails.js';
import type { Loop } from './library-calls.js';
import { isPlainLambda, loopBodyScope, loopParams } from './loop-body.js';

export const mapLoop: Loop = (g, ast, _fn, cx, site, out) => {
  const args = ast.arguments as AstNode[];
  const lambda = args[1];
  if (args.length !== 2 || lambda === undefined || !isPlainLambda(lambda)) return undefined;
  const inner = { ...cx, depth: site.depth };
  const list = g.simple(g.gen(args[0] as AstNode, inner, out), out);
  const params = loopParams(g, lambda);
  const t = g.temp();
  const items = g.temp();
  const i = g.temp();
  out.push(`let ${t};`, 'try {', `if (${list} !== undefined) {`);
  out.push(`const ${items} = Array.isArray(${list}) ? ${list} : [${list}];`);
  const r = g.temp();
  out.push(`const ${r} = R.createSequence(context());`);
  out.push(`for (let ${i} = 0; ${i} < ${items}.length; ${i}++) {`, tick(lambda.body as AstNode));
  // Items of the data are read through `normalize`, as a variable read is.
  const bodyCx = loopBodyScope(g, lambda, params, [`${items}[${i}]`, i, items], 1, cx, inner.depth, out);
  const value = g.simple(g.gen(lambda.body as AstNode, bodyCx, out), out);
  out.push(`if (${value} !== undefined) ${r}.push(${value});`, '}');
  out.push(`${t} = R.normalize(${r}, false);`, '}');
  // Errors from the body, tail calls included, pass through `$map`'s call site (a library function).
  out.push(`} catch (e) { throw ${site.error('map')}; }`);
  return t;
};
