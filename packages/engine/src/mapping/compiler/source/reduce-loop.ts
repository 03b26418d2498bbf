/**
 * @module `$reduce(list, function($acc, $v, $i, $a){ … }, init)`: the loop of `reduce` written out, the body
 * generated in place. The arguments go through `reduce`'s own signature check (with a stand-in for the
 * function), so a list is wrapped and a wrong argument fails exactly as the call would.
 */
import type { AstNode } from '../ast.js';
import { fastValidator } from '../signature.js';
import { tick } from './guardrails.js';
import type { Loop } from './library-calls.js';
import { isPlainLambda, loopBodyScope, loopParams } from './loop-body.js';

export const reduceLoop: Loop = (g, ast, fn, cx, site, out) => {
  const args = ast.arguments as AstNode[];
  const lambda = args[1];
  if (args.length !== 2 && args.length !== 3) return undefined;
  if (lambda === undefined || !isPlainLambda(lambda) || (lambda.arguments ?? []).length < 2) return undefined;
  const inner = { ...cx, depth: site.depth };
  const list = g.simple(g.gen(args[0] as AstNode, inner, out), out);
  const init = args[2] === undefined ? undefined : g.simple(g.gen(args[2], inner, out), out);
  const params = loopParams(g, lambda);
  const [t, checked, sequence, result, index] = [g.temp(), g.temp(), g.temp(), g.temp(), g.temp()];
  const stand = g.constant({ _jsonata_lambda: true, arity: params.names.length });
  const validate = fn.signature === undefined ? undefined : g.constant(fastValidator(fn.signature));
  const given = init === undefined ? `[${list}, ${stand}]` : `[${list}, ${stand}, ${init}]`;
  out.push(`let ${t};`, 'try {');
  out.push(`const ${checked} = ${validate === undefined ? given : `${validate}(${given}, ${site.input})`};`);
  out.push(`const ${sequence} = ${checked}[0];`);
  out.push(`if (${sequence} !== undefined) {`, `let ${result}, ${index};`);
  out.push(
    `if (${checked}[2] === undefined && ${sequence}.length > 0) { ${result} = ${sequence}[0]; ${index} = 1; } else { ${result} = ${checked}[2]; ${index} = 0; }`,
  );
  out.push(`for (; ${index} < ${sequence}.length; ${index}++) {`, tick(lambda.body as AstNode));
  // The accumulator and the items are values of the data, read through `normalize` as a variable is.
  const values = [result, `${sequence}[${index}]`, index, sequence];
  const bodyCx = loopBodyScope(g, lambda, params, values, 2, cx, inner.depth, out);
  out.push(`${result} = ${g.gen(lambda.body as AstNode, bodyCx, out)};`, '}');
  out.push(`${t} = ${result};`, '}');
  out.push(`} catch (e) { throw ${site.error('reduce')}; }`);
  out.push(`if (Array.isArray(${t})) ${t} = R.normalize(${t}, false);`);
  return t;
};
