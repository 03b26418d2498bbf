/**
 * @module `pagination:` — named paging schemes, declared once and referenced by resources.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { Closed, Expression, RequestLocation, TaggedUnion } from './primitives.js';

/** Where a value is read from in a response. */
const FromResponse = TaggedUnion(
  [
    Type.Object(
      { type: Type.Literal('header'), name: Type.String({ minLength: 1 }) },
      { ...Closed, description: 'A response header (case-insensitive).' },
    ),
    Type.Object(
      {
        type: Type.Literal('body'),
        path: Expression('JSONata over the response body, e.g. `pagination.after_cursor`.'),
      },
      { ...Closed, description: 'A value in the response body.' },
    ),
  ],
  { description: 'Where the value is read from.' },
);

const Target = Type.Object(
  { in: RequestLocation, name: Type.String({ minLength: 1 }) },
  { ...Closed, description: 'Where the value is sent on the next request.' },
);

const PageSize = Type.Object(
  {
    in: RequestLocation,
    name: Type.String({ minLength: 1 }),
    value: Type.Integer({ minimum: 1, description: 'Records per upstream page Switchboard asks for.' }),
  },
  { ...Closed, description: 'The upstream page size and where it is sent.' },
);

const StopRule = TaggedUnion(
  [
    Type.Object({ type: Type.Literal('empty_cursor') }, { ...Closed, description: 'No next token.' }),
    Type.Object(
      { type: Type.Literal('short_page') },
      { ...Closed, description: 'Fewer records than the page size.' },
    ),
    Type.Object({ type: Type.Literal('empty_page') }, { ...Closed, description: 'No records.' }),
    Type.Object(
      {
        type: Type.Literal('expression'),
        expression: Expression(
          'True when there is no next page. Bindings: `$body`, `$headers`, `$records`, `$page`.',
        ),
      },
      { ...Closed, description: 'A JSONata predicate.' },
    ),
  ],
  { description: 'A condition that ends paging.' },
);

const Guards = {
  stop: Type.Optional(Type.Array(StopRule, { minItems: 1, description: 'Paging ends when any rule holds.' })),
  max_pages: Type.Optional(
    Type.Integer({ minimum: 1, description: 'Hard cap on pages read in one operation.' }),
  ),
};

export const PaginationScheme = TaggedUnion(
  [
    Type.Object(
      {
        type: Type.Literal('cursor'),
        cursor: FromResponse,
        request: Target,
        page_size: Type.Optional(PageSize),
        ...Guards,
      },
      { ...Closed, description: 'An opaque token read from the body or a header, sent on the next request.' },
    ),
    Type.Object(
      {
        type: Type.Literal('page'),
        request: Target,
        start: Type.Optional(
          Type.Integer({ minimum: 0, maximum: 1, default: 1, description: 'First page number.' }),
        ),
        total_pages: Type.Optional(FromResponse),
        page_size: Type.Optional(PageSize),
        ...Guards,
      },
      { ...Closed, description: 'A page number, 0- or 1-based, optionally aware of the total page count.' },
    ),
    Type.Object(
      {
        type: Type.Literal('offset'),
        request: Target,
        page_size: PageSize,
        total: Type.Optional(FromResponse),
        ...Guards,
      },
      { ...Closed, description: 'A record offset advanced by the page size.' },
    ),
    Type.Object(
      {
        type: Type.Literal('link'),
        next: TaggedUnion([
          Type.Object(
            { type: Type.Literal('header'), rel: Type.String({ default: 'next' }) },
            { ...Closed, description: 'An RFC 8288 `Link` header.' },
          ),
          Type.Object(
            { type: Type.Literal('body'), path: Expression('JSONata path to the next URL in the body.') },
            { ...Closed, description: 'The next URL in the response body.' },
          ),
        ]),
        page_size: Type.Optional(PageSize),
        ...Guards,
      },
      { ...Closed, description: 'Follow the next URL (never to another origin).' },
    ),
  ],
  { description: 'A paging scheme.' },
);
export type PaginationScheme = Static<typeof PaginationScheme>;
export type PaginationType = PaginationScheme['type'];
