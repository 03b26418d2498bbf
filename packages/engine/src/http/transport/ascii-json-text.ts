/**
 * @module A one-byte JSON text for UTF-8 bytes: each run of characters outside ASCII written as `\uXXXX` escapes,
 * the rest copied as is. Decoding a page that holds a few names in other scripts into a two-byte string costs V8
 * about as much as parsing it; copying the bytes and escaping those few characters costs a fraction, and
 * `JSON.parse` reads the escapes back as the same characters. Equivalent only where the runs lie inside JSON
 * strings: the parser's scan finds them there (`parse-json.ts`), and refuses the one case that would turn invalid
 * JSON valid, a character right after an escaping backslash.
 */

function escapeRun(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i++) out += `\\u${run.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * `utf8[from..to)` as text, each `[start, end)` byte run of `wide` (pairs, in order, inside strings) that lies
 * there escaped.
 */
export function asciiJsonText(
  utf8: Buffer,
  wide: readonly number[],
  from = 0,
  to: number = utf8.length,
): string {
  let text = '';
  let at = from;
  for (let k = 0; k < wide.length; k += 2) {
    const start = wide[k]!;
    const end = wide[k + 1]!;
    if (start < from) continue;
    if (end > to) break;
    text += utf8.toString('latin1', at, start) + escapeRun(utf8.toString('utf8', start, end));
    at = end;
  }
  return text + utf8.toString('latin1', at, to);
}
