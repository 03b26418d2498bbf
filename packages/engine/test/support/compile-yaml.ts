/**
 * @module Test-only: a CompiledIntegration built straight from YAML text, without schema validation. Used by
 * unit tests that need a handful of expressions at the pointers the real loader would compile.
 */
import type { Integration } from '@switchboard/schema';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { CompiledIntegration, SourceLocation } from '../../src/config/compiled-integration.js';
import {
  type CompiledExpression,
  compileExpression,
  DEFAULT_GUARDRAILS,
  type Guardrails,
} from '../../src/mapping/expression.js';

const EXPRESSION_POINTERS = [
  /^\/pagination\/[^/]+\/(cursor|total_pages|total|next)\/path$/,
  /^\/pagination\/[^/]+\/stop\/\d+\/expression$/,
  /^\/resources\/[^/]+\/[^/]+\/(records|record)$/,
  /^\/unified\/[^/]+\/[^/]+\/[^/]+(\/alternatives\/\d+)?\/(id|query|filter|body|response|error|when)$/,
  /^\/unified\/[^/]+\/[^/]+\/[^/]+(\/alternatives\/\d+)?\/(for_each\/id|steps\/\d+\/(id|when|body))$/,
  /^\/auth\/token_response\/(access_token|expires_in|refresh_token)$/,
];

export function compileYaml(
  text: string,
  file = 'test.yaml',
  guardrails: Guardrails = DEFAULT_GUARDRAILS,
): CompiledIntegration {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const definition = document.toJS() as Integration;
  const expressions = new Map<string, CompiledExpression>();
  const nodes = new Map<string, Node>();

  const walk = (node: unknown, pointer: string) => {
    if (node === null || typeof node !== 'object') return;
    nodes.set(pointer, node as Node);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = String((pair.key as { value?: unknown }).value ?? pair.key);
        const child = `${pointer}/${key}`;
        const value = pair.value as { value?: unknown } | null;
        if (value && typeof value.value === 'string' && EXPRESSION_POINTERS.some((re) => re.test(child))) {
          const compiled = compileExpression(value.value, guardrails);
          if (!('evaluate' in compiled)) throw new Error(`${child}: ${compiled.message}`);
          expressions.set(child, compiled);
        }
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      for (const [index, item] of node.items.entries()) walk(item, `${pointer}/${index}`);
    } else nodes.set(pointer, node as Node);
  };
  walk(document.contents, '');

  const secretFields = new Set(
    Object.entries(definition.connection ?? {})
      .filter(([, field]) => field.secret === true)
      .map(([name]) => name),
  );

  return {
    name: definition.name,
    file,
    definition,
    secretFields,
    definitions: {},
    expression: (pointer) => expressions.get(pointer),
    locate(pointer): SourceLocation {
      let at = pointer;
      while (!nodes.has(at) && at !== '') at = at.slice(0, at.lastIndexOf('/'));
      const offset = nodes.get(at)?.range?.[0] ?? 0;
      const { line, col } = lineCounter.linePos(offset);
      return { file, line, column: col, pointer: at };
    },
  };
}
