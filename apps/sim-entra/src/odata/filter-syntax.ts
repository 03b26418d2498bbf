/**
 * @module `$filter` text → syntax tree, for the OData subset Graph documents on the resources simulated here:
 * comparisons (`eq ne gt ge lt le`), `in (…)`, `startswith`/`endswith`, `and`/`or`/`not`, parentheses and
 * lambdas (`targetResources/any(t:t/id eq '…')`, `groupTypes/any(c:c eq 'Unified')`). Strings are single-quoted
 * (`''` escapes a quote); date-times are unquoted (`activityDateTime ge 2024-01-01T00:00:00Z`). Whether a
 * property or operator is allowed is decided later, per resource (filter-spec.ts).
 */
import { GraphError } from '../wire/graph-error.js';

export type Literal =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'datetime'; readonly value: number; readonly text: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' };

export type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterNode =
  | { readonly kind: 'compare'; readonly op: Comparison; readonly path: string; readonly literal: Literal }
  | { readonly kind: 'in'; readonly path: string; readonly literals: readonly Literal[] }
  | {
      readonly kind: 'function';
      readonly name: 'startswith' | 'endswith';
      readonly path: string;
      readonly literal: Literal;
    }
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | { readonly kind: 'any'; readonly path: string; readonly body: FilterNode };

type Token =
  | { readonly t: 'punct'; readonly v: '(' | ')' | ',' | ':' }
  | { readonly t: 'name'; readonly v: string }
  | { readonly t: 'literal'; readonly v: Literal };

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})/;
const NUMBER = /^-?\d+(?:\.\d+)?(?![\w-])/;
const NAME = /^[A-Za-z_$][A-Za-z0-9_.]*(?:\/[A-Za-z_$][A-Za-z0-9_.]*)*/;
const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

export function invalidFilter(detail: string): GraphError {
  return new GraphError(400, 'BadRequest', `Invalid filter clause: ${detail}`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let rest = text;
  while (rest.length > 0) {
    const first = rest[0] as string;
    if (/\s/.test(first)) {
      rest = rest.slice(1);
      continue;
    }
    if (first === '(' || first === ')' || first === ',' || first === ':') {
      tokens.push({ t: 'punct', v: first });
      rest = rest.slice(1);
      continue;
    }
    if (first === "'") {
      let value = '';
      let index = 1;
      for (;;) {
        if (index >= rest.length) throw invalidFilter('unterminated string literal');
        const char = rest[index] as string;
        if (char === "'") {
          if (rest[index + 1] === "'") {
            value += "'";
            index += 2;
            continue;
          }
          break;
        }
        value += char;
        index += 1;
      }
      tokens.push({ t: 'literal', v: { type: 'string', value } });
      rest = rest.slice(index + 1);
      continue;
    }
    const datetime = DATETIME.exec(rest);
    if (datetime !== null) {
      const ms = Date.parse(datetime[0]);
      if (Number.isNaN(ms)) throw invalidFilter(`'${datetime[0]}' is not a valid DateTimeOffset`);
      tokens.push({ t: 'literal', v: { type: 'datetime', value: ms, text: datetime[0] } });
      rest = rest.slice(datetime[0].length);
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number !== null) {
      tokens.push({ t: 'literal', v: { type: 'number', value: Number(number[0]) } });
      rest = rest.slice(number[0].length);
      continue;
    }
    const name = NAME.exec(rest);
    if (name !== null) {
      const word = name[0];
      if (word === 'true' || word === 'false')
        tokens.push({ t: 'literal', v: { type: 'boolean', value: word === 'true' } });
      else if (word === 'null') tokens.push({ t: 'literal', v: { type: 'null' } });
      else tokens.push({ t: 'name', v: word });
      rest = rest.slice(word.length);
      continue;
    }
    throw invalidFilter(`syntax error at '${rest.slice(0, 20)}'`);
  }
  return tokens;
}

class Parser {
  private index = 0;
  /** Lambda variables in scope (`t` in `any(t:t/id eq …)`). */
  private readonly variables: string[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.index < this.tokens.length) throw invalidFilter(`unexpected '${this.describe(this.peek())}'`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private describe(token: Token | undefined): string {
    if (token === undefined) return 'end of input';
    if (token.t === 'literal') return token.v.type === 'string' ? `'${token.v.value}'` : token.v.type;
    return token.v;
  }

  private take(): Token {
    const token = this.tokens[this.index];
    if (token === undefined) throw invalidFilter('unexpected end of input');
    this.index += 1;
    return token;
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token?.t === 'name' && token.v.toLowerCase() === word;
  }

  private expect(punct: '(' | ')' | ',' | ':'): void {
    const token = this.take();
    if (token.t !== 'punct' || token.v !== punct)
      throw invalidFilter(`expected '${punct}', found '${this.describe(token)}'`);
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('or')) {
      this.index += 1;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord('and')) {
      this.index += 1;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isWord('not')) {
      this.index += 1;
      return { kind: 'not', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): FilterNode {
    const token = this.peek();
    if (token?.t === 'punct' && token.v === '(') {
      this.index += 1;
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (token?.t === 'name') {
      const lower = token.v.toLowerCase();
      if (lower === 'startswith' || lower === 'endswith') {
        this.index += 1;
        this.expect('(');
        const path = this.path();
        this.expect(',');
        const literal = this.literal();
        this.expect(')');
        return { kind: 'function', name: lower, path, literal };
      }
      const lambda = /^(.*)\/(any|all)$/i.exec(token.v);
      if (lambda !== null) {
        if (lambda[2]?.toLowerCase() === 'all')
          throw invalidFilter("the 'all' lambda operator is not supported");
        this.index += 1;
        this.expect('(');
        const variable = this.take();
        if (variable.t !== 'name') throw invalidFilter('expected a lambda variable');
        this.expect(':');
        this.variables.push(variable.v);
        const body = this.or();
        this.variables.pop();
        this.expect(')');
        return { kind: 'any', path: this.relative(lambda[1] as string), body };
      }
    }
    return this.comparison();
  }

  private comparison(): FilterNode {
    const leftToken = this.take();
    const opToken = this.take();
    if (opToken.t !== 'name') throw invalidFilter(`expected an operator, found '${this.describe(opToken)}'`);
    const op = opToken.v.toLowerCase();
    if (leftToken.t !== 'name')
      throw invalidFilter(`expected a property, found '${this.describe(leftToken)}'`);
    const path = this.relative(leftToken.v);
    if (op === 'in') {
      this.expect('(');
      const literals = [this.literal()];
      while (this.peek()?.t === 'punct' && (this.peek() as { v: string }).v === ',') {
        this.index += 1;
        literals.push(this.literal());
      }
      this.expect(')');
      return { kind: 'in', path, literals };
    }
    if (!COMPARISONS.has(op)) throw invalidFilter(`unknown operator '${opToken.v}'`);
    return { kind: 'compare', op: op as Comparison, path, literal: this.literal() };
  }

  private path(): string {
    const token = this.take();
    if (token.t !== 'name') throw invalidFilter(`expected a property, found '${this.describe(token)}'`);
    return this.relative(token.v);
  }

  /** Inside a lambda, `t/id` is `id` of the item and `c` the item itself (''). */
  private relative(name: string): string {
    const variable = this.variables.at(-1);
    if (variable === undefined) return name;
    if (name === variable) return '';
    if (name.startsWith(`${variable}/`)) return name.slice(variable.length + 1);
    return name;
  }

  private literal(): Literal {
    const token = this.take();
    if (token.t !== 'literal') throw invalidFilter(`expected a literal, found '${this.describe(token)}'`);
    return token.v;
  }
}

export function parseFilter(text: string): FilterNode {
  if (text.trim() === '') throw invalidFilter('the filter is empty');
  return new Parser(tokenize(text)).parse();
}
