/**
 * @module `unified:` — `unified.<model>.<resource>.<method>`: which upstream calls answer a unified operation and
 * the JSONata that translates queries, bodies, records and errors.
 */
import { type Static, Type } from '@sinclair/typebox';
import { Closed, Expression, StringEnum } from './primitives.js';
import { ResourceMethodName } from './resource.js';

const Call = {
  resource: Type.String({ minLength: 1, description: 'A name under `resources:`.' }),
  method: Type.Optional(ResourceMethodName),
  id: Type.Optional(
    Expression('The upstream id to call with. Bindings: `$id`, `$body`, `$query`, `$parent`.'),
  ),
};

/** An extra upstream call a write makes after the main one (e.g. lock a user after updating it). */
const Step = Type.Object(
  {
    ...Call,
    when: Type.Optional(
      Expression('The step runs only when this is true. Bindings: `$id`, `$body`, `$previous`.'),
    ),
    body: Type.Optional(Expression('The upstream body. Input: the unified body.')),
  },
  { ...Closed, description: 'An extra upstream call.' },
);

const FanOut = Type.Object(
  {
    ...Call,
    concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 32, default: 4 })),
  },
  {
    ...Closed,
    description: 'Read every record of another resource and call this operation once per parent (`$parent`).',
  },
);

const OperationFields = {
  ...Call,
  query: Type.Optional(
    Expression('Unified filters → upstream query parameters. Input: the filters; `$query`.'),
  ),
  filters: Type.Optional(
    Type.Array(Type.String({ minLength: 1 }), {
      description:
        'Unified filters this operation applies, e.g. `email`, `created_at[gte]`. Others answer 400.',
    }),
  ),
  filter: Type.Optional(
    Expression(
      'A predicate over each mapped record, for filters the upstream cannot apply. Bindings: `$query`.',
    ),
  ),
  body: Type.Optional(
    Expression('Unified body → upstream body. Input: the unified body; `$id`, `$connection`.'),
  ),
  response: Type.Optional(
    Expression(
      'Upstream record → unified record. Input: the record; `$body`, `$headers`, `$query`, `$parent`, `$connection`, `$now`, and on writes `$request` (the unified body). An array flat-maps, null drops.',
    ),
  ),
  error: Type.Optional(
    Expression('Upstream error → `{ code, message }`. Input: the error body; `$status`, `$headers`.'),
  ),
  for_each: Type.Optional(FanOut),
  steps: Type.Optional(Type.Array(Step, { minItems: 1 })),
  result: Type.Optional(
    StringEnum(['response', 'get', 'body'], {
      description:
        'What a write returns: the mapped upstream response (default), a fresh get, or the input echoed with the id.',
    }),
  ),
  limit: Type.Optional(
    Type.Object(
      { default: Type.Integer({ minimum: 1 }), max: Type.Integer({ minimum: 1 }) },
      { ...Closed, description: 'The unified `limit`: default and maximum.' },
    ),
  ),
};

const Alternative = Type.Object(
  { when: Expression('This alternative is used when true. Input: the unified filters.'), ...OperationFields },
  {
    ...Closed,
    description: 'A variant used when a condition on the query holds (e.g. a filter needs another endpoint).',
  },
);

export const UnifiedOperation = Type.Object(
  {
    ...OperationFields,
    alternatives: Type.Optional(Type.Array(Alternative, { minItems: 1 })),
  },
  { ...Closed, description: 'How one unified method is answered.' },
);
export type UnifiedOperation = Static<typeof UnifiedOperation>;

export const UnifiedMethodName = StringEnum(['list', 'get', 'create', 'update', 'delete']);
export type UnifiedMethodName = Static<typeof UnifiedMethodName>;

export const UnifiedResource = Type.Object(
  {
    list: Type.Optional(UnifiedOperation),
    get: Type.Optional(UnifiedOperation),
    create: Type.Optional(UnifiedOperation),
    update: Type.Optional(UnifiedOperation),
    delete: Type.Optional(UnifiedOperation),
  },
  { ...Closed, description: 'The unified methods this integration supports for one resource.' },
);
export type UnifiedResource = Static<typeof UnifiedResource>;

export const UnifiedModels = Type.Object(
  {
    'user-directory': Type.Optional(
      Type.Object(
        {
          users: Type.Optional(UnifiedResource),
          groups: Type.Optional(UnifiedResource),
          roles: Type.Optional(UnifiedResource),
          role_assignments: Type.Optional(UnifiedResource),
          activities: Type.Optional(UnifiedResource),
        },
        { ...Closed, description: 'The user-directory model.' },
      ),
    ),
  },
  { ...Closed, description: 'Unified models, by name.' },
);
export type UnifiedModels = Static<typeof UnifiedModels>;
