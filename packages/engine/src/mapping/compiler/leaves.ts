/**
 * @module Nodes that call nothing: never deeper than themselves, so the closures check the depth cap for them
 * without counting a level or a step (`compile-node.ts`), and a loop whose body is one counts no step for it
 * (`source/guardrails.ts`).
 */
export const LEAVES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'value',
  'variable',
  'name',
  'parent',
  'regex',
  'wildcard',
  'descendant',
]);
