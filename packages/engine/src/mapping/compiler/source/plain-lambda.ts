/** @module The function argument a `$map` or `$reduce` loop can be written out for. */
import type { AstNode } from '../ast.js';

/** A `function(…){ … }` literal with nothing around it (no signature, predicate or grouping). */
export function isPlainLambda(ast: AstNode): boolean {
  return (
    ast.type === 'lambda' &&
    !ast.thunk &&
    ast.signature === undefined &&
    ast.predicate === undefined &&
    !ast.keepArray &&
    ast.group === undefined
  );
}
