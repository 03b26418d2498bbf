/**
 * @module Where a JSONata syntax error's bad token starts. jsonata reports `position` as the offset just AFTER
 * the token it choked on (`a b` → 3 for `b`), so the token is found by walking back over it.
 */

const NAME_CHAR = /[\p{L}\p{N}_$]/u;
const TWO_CHAR_OPERATORS = new Set(['..', ':=', '!=', '>=', '<=', '**', '~>', '?:', '??']);

export interface SyntaxErrorLike {
  message: string;
  position: number;
}

/** The 0-based offset in `source` of the token the error is about. */
export function badTokenOffset(source: string, error: SyntaxErrorLike): number {
  const end = source.trimEnd().length;
  // "Unexpected end of expression", "Expected ")" before end of expression": just after the last token.
  if (/end of expression/.test(error.message) || error.position > end) return end;
  const p = Math.max(0, Math.min(error.position, source.length));
  if (p === 0) return 0;
  const last = source[p - 1] as string;
  if (last === '"' || last === "'") {
    for (let q = p - 2; q >= 0; q--) if (source[q] === last && source[q - 1] !== '\\') return q;
    return p - 1;
  }
  if (last === '`') {
    const q = source.lastIndexOf('`', p - 2);
    return q === -1 ? p - 1 : q;
  }
  if (NAME_CHAR.test(last)) {
    let q = p - 1;
    const isDecimalPoint = (i: number) =>
      source[i] === '.' && /[0-9]/.test(source[i - 1] ?? '') && /[0-9]/.test(source[i + 1] ?? '');
    while (q > 0 && (NAME_CHAR.test(source[q - 1] as string) || isDecimalPoint(q - 1))) q--;
    return q;
  }
  if (p >= 2 && TWO_CHAR_OPERATORS.has(source.slice(p - 2, p))) return p - 2;
  return p - 1;
}
