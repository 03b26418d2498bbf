/**
 * @module Transforms `| pattern | update, delete |`: a function that deep-copies its argument (through
 * `$clone`), then merges `update` into and deletes `delete` from every match of `pattern`.
 */
import jsonata from 'jsonata';
import type { AstNode, Compile, Node } from './ast.js';
import { apply, type NativeFunction } from './callable.js';
import type { EvalContext } from './context.js';
import { jsonataError } from './errors.js';
import { isArrayOfStrings, isFunctionValue } from './values.js';

export function compileTransform(compile: Compile, ast: AstNode): Node {
  const pattern = compile(ast.pattern as AstNode);
  const update = compile(ast.update as AstNode);
  const remove = ast.delete !== undefined ? compile(ast.delete) : undefined;
  const position = ast.position;
  return (_input, frame) => {
    const run = (args: unknown[], ctx: EvalContext): unknown => {
      const obj = args[0];
      if (obj === undefined) return undefined;
      const clone = frame.lookup('clone');
      if (!isFunctionValue(clone)) throw jsonataError('T2013', { position });
      const result = apply(clone, [obj], null, ctx);
      let matches = pattern(result, frame, ctx);
      if (matches === undefined) return result;
      if (!Array.isArray(matches)) matches = [matches];
      for (const match of matches as Record<string, unknown>[]) {
        const changes = update(match, frame, ctx);
        if (changes !== undefined) {
          if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
            throw jsonataError('T2011', { position: (ast.update as AstNode).position, value: changes });
          }
          for (const key of Object.keys(changes)) match[key] = (changes as Record<string, unknown>)[key];
        }
        if (remove !== undefined) {
          const deletions = remove(match, frame, ctx);
          if (deletions === undefined) continue;
          const names = Array.isArray(deletions) ? deletions : [deletions];
          if (!isArrayOfStrings(names)) {
            throw jsonataError('T2012', { position: (ast.delete as AstNode).position, value: deletions });
          }
          for (const name of names as string[]) {
            if (typeof match === 'object' && match !== null) delete match[name];
          }
        }
      }
      return result;
    };
    const transformer: NativeFunction = {
      _jsonata_function: true,
      // jsonata's transformer takes one parameter: that is its arity.
      implementation: (_obj: never) => undefined,
      ...(TRANSFORM_SIGNATURE === undefined ? {} : { signature: TRANSFORM_SIGNATURE }),
      run,
    };
    return transformer;
  };
}

/** `<(oa):o>`, parsed by jsonata's own signature parser from a lambda carrying it. */
const TRANSFORM_SIGNATURE = (jsonata('function($o)<(oa):o>{ $o }').ast() as unknown as AstNode).signature;
