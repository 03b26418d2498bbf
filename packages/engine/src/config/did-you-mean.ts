/**
 * @module "did you mean `pagination`?" — the nearest candidate by Damerau-Levenshtein distance (optimal string
 * alignment: insertions, deletions, substitutions and swaps of neighbours each cost 1).
 */

/** Typos longer than this are not compared: the cost is quadratic and such keys are not typos. */
const MAX_COMPARED_LENGTH = 64;

export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] as number;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate closest to `input`, if it is close enough to be a plausible typo (at most a third of the longer
 * word, and at least one edit allowed). Case differences count as nothing.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length > MAX_COMPARED_LENGTH) return undefined;
  const needle = input.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === input || candidate.length > MAX_COMPARED_LENGTH) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    const allowed = Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3));
    if (distance <= allowed && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
