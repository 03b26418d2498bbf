/**
 * @module Maps a character offset inside a YAML string's value to an offset in the file, so a JSONata error
 * or a bad placeholder is reported where the user sees it. YAML changes only whitespace when it reads block
 * literals (`|`: indentation), folded blocks (`>`) and plain scalars (line folding), so the value and the source
 * are walked together, non-whitespace character by character. Escapes in double-quoted strings are not modelled:
 * on the first mismatch the scalar's start is returned instead of a wrong column.
 */
import type { Scalar } from 'yaml';

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** Where the scalar's content begins in the file: after a block header line, after an opening quote. */
function contentStart(text: string, node: Scalar, start: number): number {
  switch (node.type) {
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const newline = text.indexOf('\n', start);
      return newline === -1 ? start : newline + 1;
    }
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE':
      return start + 1;
    default:
      return start;
  }
}

/**
 * The file offset of `value[valueOffset]`. An offset that lands on whitespace or past the end maps to just
 * after the preceding character (errors "at the end of the expression").
 */
export function scalarSourceOffset(text: string, node: Scalar, valueOffset: number): number {
  const range = node.range;
  if (!range) return 0;
  const value = node.value;
  if (typeof value !== 'string') return range[0];
  const end = range[1];
  let j = contentStart(text, node, range[0]);
  let after = j;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (isSpace(c)) {
      if (i === valueOffset) return after;
      continue;
    }
    while (j < end && isSpace(text[j])) j++;
    if (node.type === 'QUOTE_SINGLE' && c === "'" && text[j] === "'" && text[j + 1] === "'") {
      if (i === valueOffset) return j;
      j += 2;
      after = j;
      continue;
    }
    if (text[j] !== c) return range[0];
    if (i === valueOffset) return j;
    j++;
    after = j;
  }
  return after;
}
