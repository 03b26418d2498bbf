/**
 * @module Okta's SCIM-style expressions (`filter` and `search` on users and groups, `filter` on the System
 * Log): `attr op "value"` comparisons joined by `and` / `or` (`and` binds tighter), parentheses, and the
 * value-less `pr`. Parsing is shared; which attributes and operators a parameter allows is checked by the
 * caller against the parsed tree (see user-query.ts, log-query.ts).
 */

export type Operator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'sw' | 'co' | 'ew' | 'pr';
export type Literal = string | number | boolean | null;

export type Expression =
  | { readonly kind: 'and' | 'or'; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'compare'; readonly attribute: string; readonly op: Operator; readonly value?: Literal };

const OPERATORS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'sw', 'co', 'ew', 'pr']);

/** Thrown for any expression that does not parse; routes answer it with Okta's 400. */
export class ExpressionError extends Error {}

type Token = { kind: 'word'; text: string } | { kind: 'string'; text: string } | { kind: '(' | ')' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] as string;
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char });
      at += 1;
    } else if (char === '"') {
      let text = '';
      at += 1;
      while (at < source.length && source[at] !== '"') {
        if (source[at] === '\\' && at + 1 < source.length) at += 1;
        text += source[at];
        at += 1;
      }
      if (at >= source.length) throw new ExpressionError('unterminated string');
      at += 1;
      tokens.push({ kind: 'string', text });
    } else {
      const match = /^[^\s()"]+/.exec(source.slice(at));
      const text = match?.[0] ?? char;
      tokens.push({ kind: 'word', text });
      at += text.length;
    }
  }
  return tokens;
}

export function parseExpression(source: string): Expression {
  const tokens = tokenize(source);
  let at = 0;
  const peekWord = (): string | undefined => {
    const token = tokens[at];
    return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
  };
  const parseOr = (): Expression => {
    let left = parseAnd();
    while (peekWord() === 'or') {
      at += 1;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Expression => {
    let left = parseUnary();
    while (peekWord() === 'and') {
      at += 1;
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): Expression => {
    const token = tokens[at];
    if (token === undefined) throw new ExpressionError('expression ends too early');
    if (token.kind === '(') {
      at += 1;
      const inner = parseOr();
      if (tokens[at]?.kind !== ')') throw new ExpressionError('missing )');
      at += 1;
      return inner;
    }
    if (token.kind !== 'word' || !/^[A-Za-z][\w.]*$/.test(token.text)) {
      throw new ExpressionError('expected an attribute');
    }
    if (token.text.toLowerCase() === 'not') throw new ExpressionError('not is not supported');
    at += 1;
    const op = peekWord();
    if (op === undefined || !OPERATORS.has(op))
      throw new ExpressionError(`unknown operator after ${token.text}`);
    at += 1;
    if (op === 'pr') return { kind: 'compare', attribute: token.text, op };
    return { kind: 'compare', attribute: token.text, op: op as Operator, value: parseLiteral() };
  };
  const parseLiteral = (): Literal => {
    const token = tokens[at];
    at += 1;
    if (token?.kind === 'string') return token.text;
    if (token?.kind === 'word') {
      if (token.text === 'true' || token.text === 'false') return token.text === 'true';
      if (token.text === 'null') return null;
      if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
    }
    throw new ExpressionError('expected a value');
  };
  if (tokens.length === 0) throw new ExpressionError('empty expression');
  const expression = parseOr();
  if (at !== tokens.length) throw new ExpressionError('unexpected text after the expression');
  return expression;
}

/** Every comparison of the tree, for validating attributes and operators. */
export function comparisons(expression: Expression): Extract<Expression, { kind: 'compare' }>[] {
  return expression.kind === 'compare'
    ? [expression]
    : [...comparisons(expression.left), ...comparisons(expression.right)];
}

export interface MatchOptions {
  /** The values an attribute path holds in the record (several when the path crosses an array). */
  read(attribute: string): readonly unknown[];
  /** Attributes compared as instants (ISO timestamps). */
  isTime(attribute: string): boolean;
  /** Text comparisons ignore case (`search`), or not (`filter`). */
  readonly ignoreCase: boolean;
}

export function matches(expression: Expression, options: MatchOptions): boolean {
  if (expression.kind !== 'compare') {
    return expression.kind === 'and'
      ? matches(expression.left, options) && matches(expression.right, options)
      : matches(expression.left, options) || matches(expression.right, options);
  }
  const present = options.read(expression.attribute).filter((value) => value !== undefined && value !== null);
  if (expression.op === 'pr') return present.some((value) => value !== '');
  if (present.length === 0) return expression.op === 'eq' && expression.value === null;
  return present.some((actual) => matchesOne(expression, actual, options));
}

function matchesOne(
  expression: Extract<Expression, { kind: 'compare' }>,
  actual: unknown,
  options: MatchOptions,
): boolean {
  const wanted = expression.value;
  if (options.isTime(expression.attribute)) {
    const a = Date.parse(String(actual));
    const b = Date.parse(String(wanted));
    if (Number.isNaN(b)) throw new ExpressionError(`not a date: ${String(wanted)}`);
    return compare(a, b, expression.op);
  }
  if (typeof actual === 'number' && typeof wanted === 'number') return compare(actual, wanted, expression.op);
  const fold = (text: string) => (options.ignoreCase ? text.toLowerCase() : text);
  const a = fold(String(actual));
  const b = fold(String(wanted));
  switch (expression.op) {
    case 'sw':
      return a.startsWith(b);
    case 'co':
      return a.includes(b);
    case 'ew':
      return a.endsWith(b);
    default:
      return compare(a, b, expression.op);
  }
}

function compare<T extends number | string>(a: T, b: T, op: Operator): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    default:
      return false;
  }
}

/** The values at a dotted path (`profile.email`, `target.id`); crossing an array collects from every element. */
export function readPath(record: unknown, path: string): unknown[] {
  let values: unknown[] = [record];
  for (const part of path.split('.')) {
    values = values
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .map((value) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined,
      );
  }
  return values.flatMap((value) => (Array.isArray(value) ? value : [value]));
}
