/**
 * @module What `$filter` may say about one resource, and the predicate it compiles to. Each resource lists
 * its filterable properties with the operators Graph documents for them; anything else answers 400
 * `Request_UnsupportedQuery`. On directory objects (users, groups) some operators are "advanced queries"
 * (entra-api.md §3: `ne`, `not`, `endswith`) and need `ConsistencyLevel: eventual` plus `$count=true`.
 * String comparisons are case-insensitive, as Graph's are for these properties.
 */
import { GraphError, unsupportedQuery } from '../wire/graph-error.js';
import type { FilterNode, Literal } from './filter-syntax.js';

export type FilterOperator =
  | 'eq'
  | 'ne'
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'
  | 'in'
  | 'startswith'
  | 'endswith'
  | 'not';
export type PropertyType = 'string' | 'boolean' | 'datetime' | 'number';

export interface PropertySpec<T> {
  readonly type: PropertyType;
  readonly ops: readonly FilterOperator[];
  readonly read: (record: T) => unknown;
}

export interface LambdaSpec<T> {
  readonly items: (record: T) => readonly unknown[];
  /** Properties of one item; `''` is the item itself (`groupTypes/any(c:c eq 'Unified')`). */
  readonly properties: Readonly<Record<string, PropertySpec<unknown>>>;
}

export interface FilterSpec<T> {
  /** `User`, `Group`, … as Graph names the resource in its messages. */
  readonly resource: string;
  readonly properties: Readonly<Record<string, PropertySpec<T>>>;
  readonly lambdas?: Readonly<Record<string, LambdaSpec<T>>>;
  /** Operators allowed only as advanced queries (directory objects). */
  readonly advanced?: readonly FilterOperator[];
}

export type Predicate<T> = (record: T) => boolean;

const EDM: Record<Literal['type'], string> = {
  string: 'Edm.String',
  datetime: 'Edm.DateTimeOffset',
  number: 'Edm.Int32',
  boolean: 'Edm.Boolean',
  null: 'null',
};
const TYPE_EDM: Record<PropertyType, string> = {
  string: 'Edm.String',
  datetime: 'Edm.DateTimeOffset',
  number: 'Edm.Int32',
  boolean: 'Edm.Boolean',
};
const OPERATOR_KIND: Record<string, string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
  in: 'In',
};

function unsupportedProperty(path: string, resource: string): GraphError {
  return unsupportedQuery(
    `Unsupported or invalid query filter clause specified for property '${path}' of resource '${resource}'.`,
  );
}

function advancedRequired(operator: string): GraphError {
  return unsupportedQuery(
    `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
  );
}

function checkLiteral(literal: Literal, type: PropertyType, op: string): void {
  if (literal.type === 'null' || literal.type === type) return;
  throw new GraphError(
    400,
    'BadRequest',
    `A binary operator with incompatible types was detected. Found operand types '${TYPE_EDM[type]}' and '${EDM[literal.type]}' for operator kind '${OPERATOR_KIND[op] ?? op}'.`,
  );
}

function comparable(value: unknown, type: PropertyType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'string') return String(value).toLowerCase();
  if (type === 'datetime') return typeof value === 'number' ? value : Date.parse(String(value));
  return value;
}

function literalValue(literal: Literal): unknown {
  if (literal.type === 'null') return null;
  if (literal.type === 'string') return literal.value.toLowerCase();
  return literal.value;
}

function compare(left: unknown, op: string, right: unknown): boolean {
  if (op === 'eq') return left === right;
  if (op === 'ne') return left !== right;
  if (left === null || right === null) return false;
  const a = left as number | string;
  const b = right as number | string;
  if (op === 'gt') return a > b;
  if (op === 'ge') return a >= b;
  if (op === 'lt') return a < b;
  return a <= b;
}

/**
 * Validates `node` against `spec` and returns its predicate. `advanced` says whether the request is an
 * advanced query (ConsistencyLevel: eventual and $count=true).
 */
export function compileFilter<T>(node: FilterNode, spec: FilterSpec<T>, advanced: boolean): Predicate<T> {
  const allow = (operator: FilterOperator, ops: readonly FilterOperator[], path: string) => {
    if (!ops.includes(operator)) throw unsupportedProperty(path, spec.resource);
    if (!advanced && spec.advanced?.includes(operator)) throw advancedRequired(operator);
  };
  const property = <R>(
    properties: Readonly<Record<string, PropertySpec<R>>>,
    path: string,
  ): PropertySpec<R> => {
    const found = Object.entries(properties).find(([name]) => name.toLowerCase() === path.toLowerCase());
    if (found === undefined) throw unsupportedProperty(path, spec.resource);
    return found[1];
  };

  const build = <R>(
    current: FilterNode,
    properties: Readonly<Record<string, PropertySpec<R>>>,
    inLambda: boolean,
  ): ((record: R) => boolean) => {
    switch (current.kind) {
      case 'and': {
        const left = build(current.left, properties, inLambda);
        const right = build(current.right, properties, inLambda);
        return (record) => left(record) && right(record);
      }
      case 'or': {
        const left = build(current.left, properties, inLambda);
        const right = build(current.right, properties, inLambda);
        return (record) => left(record) || right(record);
      }
      case 'not': {
        if (!advanced && spec.advanced?.includes('not')) throw advancedRequired('not');
        if (spec.advanced === undefined)
          throw unsupportedQuery("The 'not' operator is not supported on this resource.");
        const operand = build(current.operand, properties, inLambda);
        return (record) => !operand(record);
      }
      case 'any': {
        if (inLambda) throw unsupportedQuery('Nested lambda expressions are not supported.');
        const lambda = Object.entries(spec.lambdas ?? {}).find(
          ([name]) => name.toLowerCase() === current.path.toLowerCase(),
        )?.[1];
        if (lambda === undefined) throw unsupportedProperty(current.path, spec.resource);
        const body = build(current.body, lambda.properties, true);
        return (record) => lambda.items(record as unknown as T).some((item) => body(item));
      }
      case 'function': {
        const prop = property(properties, current.path);
        allow(current.name, prop.ops, current.path);
        checkLiteral(current.literal, prop.type, current.name);
        const wanted = literalValue(current.literal);
        return (record) => {
          const value = comparable(prop.read(record), prop.type);
          if (typeof value !== 'string' || typeof wanted !== 'string') return false;
          return current.name === 'startswith' ? value.startsWith(wanted) : value.endsWith(wanted);
        };
      }
      case 'in': {
        const prop = property(properties, current.path);
        allow('in', prop.ops, current.path);
        for (const literal of current.literals) checkLiteral(literal, prop.type, 'in');
        const wanted = current.literals.map(literalValue);
        return (record) => wanted.includes(comparable(prop.read(record), prop.type));
      }
      case 'compare': {
        const prop = property(properties, current.path);
        allow(current.op, prop.ops, current.path);
        checkLiteral(current.literal, prop.type, current.op);
        const wanted = literalValue(current.literal);
        return (record) => compare(comparable(prop.read(record), prop.type), current.op, wanted);
      }
    }
  };
  return build(node, spec.properties, false);
}
