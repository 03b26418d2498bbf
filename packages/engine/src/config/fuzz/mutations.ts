/**
 * @module Deterministic mutations of a valid integration file for the loader's fuzz test: each case is the
 * fixture broken in one or more ways a hand-edited file (or a hostile one) can be broken.
 */

/** mulberry32: a tiny seeded PRNG, so every run tests the same cases. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzCase {
  name: string;
  text: string;
}

type Random = () => number;
type Mutation = (text: string, random: Random) => string;

const int = (random: Random, max: number) => Math.floor(random() * max);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)] as T;

function mapLines(text: string, fn: (lines: string[]) => void): string {
  const lines = text.split('\n');
  fn(lines);
  return lines.join('\n');
}

const GARBAGE = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\t',
  '\r',
  '\n',
  '{',
  '}',
  '[',
  ']',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  "'",
  '"',
  '#',
  ':',
  '-',
  '?',
  ',',
  '\\',
  '{{',
  '}}',
  '😀',
  'é',
  '\u2028',
  '\ufeff',
];

const SCALARS = [
  '42',
  '-1.5',
  'true',
  'null',
  '~',
  '""',
  '[1, 2]',
  '{a: 1}',
  '[]',
  '{}',
  '!!binary aGk=',
  '0x1F',
  '.inf',
  "'x'",
  '*nope',
  '&anchor v',
  '- item',
  '|',
  '>-',
];

const JSONATA_BREAKERS = [
  ')',
  ']',
  '}',
  '(',
  '[',
  '{',
  '"',
  "'",
  ' foo bar ',
  ':=',
  '$$(',
  ',,',
  ' ~> ',
  '..',
  '/*',
  '`',
  ' and or ',
  '?',
  '=',
  '$eval(',
];

const BOMB_LINES = [
  'lol0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'lol1: &l1 [*l0,*l0,*l0,*l0,*l0,*l0,*l0,*l0,*l0]',
  'lol2: &l2 [*l1,*l1,*l1,*l1,*l1,*l1,*l1,*l1,*l1]',
  'lol3: &l3 [*l2,*l2,*l2,*l2,*l2,*l2,*l2,*l2,*l2]',
  'lol4: &l4 [*l3,*l3,*l3,*l3,*l3,*l3,*l3,*l3,*l3]',
  'lol5: &l5 [*l4,*l4,*l4,*l4,*l4,*l4,*l4,*l4,*l4]',
  'lol6: &l6 [*l5,*l5,*l5,*l5,*l5,*l5,*l5,*l5,*l5]',
];

export const MUTATIONS: Record<string, Mutation> = {
  'delete lines': (text, random) =>
    mapLines(text, (lines) => {
      lines.splice(int(random, lines.length), 1 + int(random, 5));
    }),
  'swap a value type': (text, random) =>
    mapLines(text, (lines) => {
      const candidates = lines.flatMap((l, i) => (/^\s*[-\w]+: \S/.test(l) ? [i] : []));
      if (candidates.length === 0) return;
      const i = pick(random, candidates);
      lines[i] = (lines[i] as string).replace(/: .*$/, `: ${pick(random, SCALARS)}`);
    }),
  truncate: (text, random) => text.slice(0, int(random, text.length)),
  'garbage bytes': (text, random) => {
    const at = int(random, text.length);
    const junk = Array.from({ length: 1 + int(random, 20) }, () => pick(random, GARBAGE)).join('');
    return text.slice(0, at) + junk + text.slice(at);
  },
  'broken JSONata': (text, random) =>
    mapLines(text, (lines) => {
      const candidates = lines.flatMap((l, i) =>
        /[$"]|\b(id|login|email)\b/.test(l) && !l.includes('{{') ? [i] : [],
      );
      if (candidates.length === 0) return;
      const i = pick(random, candidates);
      const line = lines[i] as string;
      const at = line.length - int(random, Math.max(1, line.trimStart().length));
      lines[i] = line.slice(0, at) + pick(random, JSONATA_BREAKERS) + line.slice(at);
    }),
  'indentation shift': (text, random) =>
    mapLines(text, (lines) => {
      const i = int(random, lines.length);
      const line = lines[i] as string;
      lines[i] = random() < 0.5 ? ` ${' '.repeat(int(random, 4))}${line}` : line.replace(/^ {1,3}/, '');
    }),
  'duplicate lines': (text, random) =>
    mapLines(text, (lines) => {
      const i = int(random, lines.length);
      lines.splice(i, 0, ...lines.slice(i, i + 1 + int(random, 6)));
    }),
  'misspelt key': (text, random) =>
    mapLines(text, (lines) => {
      const candidates = lines.flatMap((l, i) => (/^\s*\w{3,}:/.test(l) ? [i] : []));
      if (candidates.length === 0) return;
      const i = pick(random, candidates);
      lines[i] = (lines[i] as string).replace(/(\w)(\w)(\w*):/, (_m, a, b, rest) =>
        random() < 0.5 ? `${b}${a}${rest}:` : `${a}${rest}:`,
      );
    }),
  'anchor bomb': (text, random) => {
    const bomb = BOMB_LINES.join('\n');
    if (random() < 0.3) return `${bomb}\n`;
    return mapLines(text, (lines) => {
      lines.splice(int(random, lines.length), 0, ...bomb.split('\n'));
    });
  },
  'alias tricks': (text, random) =>
    pick(random, [
      () => text.replace('headers:\n  Accept: application/json', 'headers: &h\n  Accept: *h'),
      () => text.replace('base_url:', 'base_url: *undefined_anchor\nx_base_url:'),
      () => text.replace('retry:\n', 'retry: &r\n').concat('timeouts2:\n  <<: *r\n'),
      () =>
        text
          .replace('resources:\n', 'resources: &res\n')
          .replace('unified:\n', 'unified: *res\nx_unified:\n'),
      () => `${text}\n---\nsecond: document\n`,
      () => text.replace('label: Tenant', 'label: !custom Tenant'),
    ])(),
  'deep nesting': (_text, random) =>
    random() < 0.5
      ? `name: ${'['.repeat(500 + int(random, 200_000))}\n`
      : `${'- '.repeat(500 + int(random, 200_000))}x\n`,
  'secret in a URL': (text, random) =>
    text.replace(
      pick(random, ['path: /v2/events', 'path: /v2/groups', 'base_url: https://']),
      (m) => `${m}{{ connection.client_secret }}`,
    ),
};

/** `count` cases: single mutations, then combinations of two to four, plus a few 10 MB files. */
export function fuzzCases(fixture: string, count: number, seed: number): FuzzCase[] {
  const random = seededRandom(seed);
  const names = Object.keys(MUTATIONS);
  const cases: FuzzCase[] = [];
  const huge = `# ${'x'.repeat(10 * 1024 * 1024)}\n${fixture}`;
  for (let i = 0; cases.length < count; i++) {
    if (i % 100 === 50) {
      cases.push({ name: `#${i} 10 MB file`, text: huge });
      continue;
    }
    const steps = i < names.length * 10 ? 1 : 2 + int(random, 3);
    let text = fixture;
    const applied: string[] = [];
    for (let s = 0; s < steps; s++) {
      const name = steps === 1 ? (names[i % names.length] as string) : pick(random, names);
      text = (MUTATIONS[name] as Mutation)(text, random);
      applied.push(name);
    }
    cases.push({ name: `#${i} ${applied.join(' + ')}`, text });
  }
  return cases;
}
