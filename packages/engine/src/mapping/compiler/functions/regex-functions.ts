/**
 * @module `$contains`, `$match`, `$replace` and `$split`, synchronous: a pattern is a string or a matcher
 * function (a regex literal, or any function answering jsonata's match structure).
 */
import { apply } from '../callable.js';
import type { EvalContext } from '../context.js';
import { jsonataError } from '../errors.js';
import type { Match } from '../regex.js';
import { createSequence } from '../sequence.js';
import { isFunctionValue } from '../values.js';

function runMatcher(ctx: EvalContext, matcher: unknown, str?: string): Match | undefined {
  const result = apply(matcher, [str], null, ctx) as Match | undefined;
  if (
    result &&
    !(
      typeof result.start === 'number' ||
      (result.end as unknown) === 'number' ||
      Array.isArray(result.groups) ||
      isFunctionValue(result.next)
    )
  ) {
    throw jsonataError('T1010');
  }
  return result;
}

export function contains(ctx: EvalContext, str: string | undefined, token: unknown): unknown {
  if (str === undefined || token === undefined) return undefined;
  if (typeof token === 'string') return str.indexOf(token) !== -1;
  return runMatcher(ctx, token, str) !== undefined;
}

export function match(
  ctx: EvalContext,
  str: string | undefined,
  regex: unknown,
  limit: number | undefined,
): unknown {
  if (str === undefined) return undefined;
  if ((limit as number) < 0) throw jsonataError('D3040', { value: limit, index: 3 });
  const result = createSequence(ctx);
  if (limit === undefined || limit > 0) {
    let count = 0;
    let matches = runMatcher(ctx, regex, str);
    while (matches !== undefined && (limit === undefined || count < limit)) {
      result.push({ match: matches.match, index: matches.start, groups: matches.groups });
      matches = runMatcher(ctx, matches.next);
      count++;
    }
  }
  return result;
}

/** `$0`, `$1`…, `$$` in a replacement string, as jsonata reads them. */
function substitute(replacement: string, found: Match): string {
  let out = '';
  let position = 0;
  let index = replacement.indexOf('$', position);
  while (index !== -1 && position < replacement.length) {
    out += replacement.substring(position, index);
    position = index + 1;
    const next = replacement.charAt(position);
    if (next === '$') {
      out += '$';
      position++;
    } else if (next === '0') {
      out += found.match;
      position++;
    } else {
      const maxDigits =
        found.groups.length === 0 ? 1 : Math.floor(Math.log(found.groups.length) * Math.LOG10E) + 1;
      let group = Number.parseInt(replacement.substring(position, position + maxDigits), 10);
      if (maxDigits > 1 && group > found.groups.length) {
        group = Number.parseInt(replacement.substring(position, position + maxDigits - 1), 10);
      }
      if (!Number.isNaN(group)) {
        if (found.groups.length > 0) {
          const submatch = found.groups[group - 1];
          if (submatch !== undefined) out += submatch;
        }
        position += group.toString().length;
      } else {
        out += '$';
      }
    }
    index = replacement.indexOf('$', position);
  }
  return out + replacement.substring(position);
}

export function replace(
  ctx: EvalContext,
  str: string | undefined,
  pattern: unknown,
  replacement: unknown,
  limit: number | undefined,
): unknown {
  if (str === undefined) return undefined;
  if (pattern === '') throw jsonataError('D3010', { value: pattern, index: 2 });
  if ((limit as number) < 0) throw jsonataError('D3011', { value: limit, index: 4 });
  const replacer =
    typeof replacement === 'string'
      ? (found: Match) => substitute(replacement, found)
      : (found: Match) => apply(replacement, [found], null, ctx);
  if (limit !== undefined && limit <= 0) return str;
  let result = '';
  let position = 0;
  let count = 0;
  if (typeof pattern === 'string') {
    let index = str.indexOf(pattern, position);
    while (index !== -1 && (limit === undefined || count < limit)) {
      result += str.substring(position, index) + (replacement as string);
      position = index + pattern.length;
      count++;
      index = str.indexOf(pattern, position);
    }
    return result + str.substring(position);
  }
  let matches = runMatcher(ctx, pattern, str);
  if (matches === undefined) return str;
  while (matches !== undefined && (limit === undefined || count < limit)) {
    result += str.substring(position, matches.start);
    const replaced = replacer(matches);
    if (typeof replaced !== 'string') throw jsonataError('D3012', { value: replaced });
    result += replaced;
    position = matches.start + matches.match.length;
    count++;
    matches = runMatcher(ctx, matches.next);
  }
  return result + str.substring(position);
}

export function split(
  ctx: EvalContext,
  str: string | undefined,
  separator: unknown,
  limit: number | undefined,
): unknown {
  if (str === undefined) return undefined;
  if ((limit as number) < 0) throw jsonataError('D3020', { value: limit, index: 3 });
  if (limit !== undefined && limit <= 0) return [];
  if (typeof separator === 'string') return str.split(separator, limit);
  const result: string[] = [];
  let count = 0;
  let matches = runMatcher(ctx, separator, str);
  if (matches === undefined) return [str];
  let start = 0;
  while (matches !== undefined && (limit === undefined || count < limit)) {
    result.push(str.substring(start, matches.start));
    start = matches.end;
    matches = runMatcher(ctx, matches.next);
    count++;
  }
  if (limit === undefined || count < limit) result.push(str.substring(start));
  return result;
}
