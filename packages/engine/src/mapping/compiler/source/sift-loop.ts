/**
 * @module `$sift(object, $f)` with `$f` a `definitions:` function: the loop of `sift` written out, the
 * function's body inlined for each entry. Any argument `sift` would not take as it is goes the general way.
 */
import type { AstNode } from '../ast.js';
import type { NativeFunction } from '../callable.js';
import { LIBRARY } from '../functions/library.js';
import { truthy } from './conditions.js';
import { inlinable, inlineBody } from './definitions.js';
import { knownFunction } from './free-names.js';
import { tick } from './guardrails.js';
import type { Loop } from './library-calls.js';
import { nativeCall } from './native-call.js';

export const siftLoop: Loop = (g, ast, _fn, cx, site, out) => {
  const args = ast.arguments as AstNode[];
  const fnArg = args[1];
  if (args.length !== 2 || fnArg === undefined) return undefined;
  const lambda = knownFunction(fnArg, cx);
  if (lambda === undefined) return undefined;
  inlinable(lambda, cx);
  const inner = { ...cx, depth: site.depth };
  const object = g.simple(g.gen(args[0] as AstNode, inner, out), out);
  const fnValue = g.constant(lambda);
  const t = g.temp();
  const result = g.temp();
  const any = g.temp();
  const key = g.temp();
  const entry = g.temp();
  const general = nativeCall(g, LIBRARY['sift'] as NativeFunction, 'sift', [object, fnValue], site, t);
  out.push(
    `let ${t};`,
    `if (${object} === undefined || (${object} !== null && typeof ${object} === 'object' && !Array.isArray(${object}) && !R.isFunctionValue(${object}))) {`,
    'try {',
    `const ${result} = {}; let ${any} = false;`,
    `if (${object} !== undefined) for (const ${key} of Object.keys(${object})) {`,
    tick((lambda.ast as AstNode).body as AstNode),
    `const ${entry} = ${object}[${key}];`,
  );
  const params = [entry, key, object].slice(0, Math.min(Math.max(lambda.arity, 1), 3));
  const test = truthy(g, inlineBody(g, lambda, params, inner.depth, 'null', cx, out), out);
  out.push(`if (${test}) { R.setKey(${result}, ${key}, ${entry}); ${any} = true; }`, '}');
  out.push(`${t} = ${any} ? ${result} : undefined;`);
  out.push(`} catch (e) { throw ${site.error('sift')}; }`);
  out.push(`} else { ${general} }`);
  return t;
};
