/**
 * @module A guard run before the YAML parser: deeply nested input (`[[[[…`, `- - - …`) makes the `yaml` composer
 * recurse until V8 runs out of stack, which can abort the whole process (a fatal out-of-memory inside the
 * RegExp compiler, measured with yaml 2.9 on Node 20). The lexer is iterative and cheap, so depth is measured
 * on its tokens first.
 */
import { Lexer } from 'yaml';

/** Far deeper than any integration file needs (they nest about 8 levels), far below where the parser struggles. */
export const MAX_NESTING_DEPTH = 100;

// Tokens the lexer invents (document start, scalar start, flow end); they take no room in the source.
const SYNTHETIC = new Set(['\x02', '\x18', '\x1f']);

/**
 * The offset at which nesting first exceeds `limit`, or `undefined` when it never does. The depth counted is an
 * upper bound: indentation + block indicators (`-`, `?`, `:`) on the line + open flow brackets.
 */
export function excessiveNestingOffset(text: string, limit = MAX_NESTING_DEPTH): number | undefined {
  let offset = 0;
  let flow = 0;
  let indent = 0;
  let indicators = 0;
  let lineStart = true;
  for (const token of new Lexer().lex(text)) {
    if (SYNTHETIC.has(token)) continue;
    if (token === '[' || token === '{') flow++;
    else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if (token === '-' || token === '?' || (token === ':' && flow === 0)) indicators++;
    if (token === '\n' || token === '\r\n') {
      lineStart = true;
      indent = 0;
      indicators = 0;
    } else {
      if (lineStart && /^[ \t]+$/.test(token)) indent = token.length;
      lineStart = false;
    }
    if (indent + indicators + flow > limit) return Math.min(offset, text.length);
    offset += token.length;
  }
  return undefined;
}
