/**
 * @module `unified:` — `unified.<model>.<resource>.<method>`: which upstream calls answer a unified operation and
 * the JSONata that translates queries, bodies, records and errors.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { UNIFIED_MODEL_DEFINITIONS } from '../unified/models.js';
import { Closed, Expression, StringEnum } from './primitives.js';
import { ResourceMethodName } from './resource.js';

const ResourceName = Type.String({ minLength: 1, description: 'A name under `resources:`.' });

const IdExpression = Expression(
  'The upstream id to call with (`{{ id }}`), or an object of named parts, each filling the path placeholder of that name (`{ "user_id": …, "role_assignment_id": … }`). Bindings: `$id`, `$body`, `$query`, `$parent`, `$current`.',
);

const Call = {
  resource: ResourceName,
  method: Type.Optional(ResourceMethodName),
  id: Type.Optional(IdExpression),
};

const Headers = Expression(
  "Request headers for this call: an object of header → string (null values are left out), added over the resource method's own `headers:`. Input: the unified filters (on get and writes `{}`); `$query`, `$params` (the upstream query parameters of the call), `$id`, `$body`.",
);

/** An extra upstream call a write makes after the main one (e.g. lock a user after updating it). */
const Step = Type.Object(
  {
    ...Call,
    when: Type.Optional(
      Expression(
        'The step runs only when this is true. Bindings: `$id`, `$body`, `$previous` (not with `current:`), `$current`.',
      ),
    ),
    body: Type.Optional(Expression('The upstream body. Input: the unified body; `$id`, `$current`.')),
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

/** `current:` — the record a write changes, read before anything else (`$current`). */
const CurrentRead = Type.Object(
  {
    resource: ResourceName,
    method: Type.Optional(ResourceMethodName),
    id: Type.Optional(IdExpression),
  },
  {
    ...Closed,
    description:
      "Read the current upstream record before the write (`method` default `get`, `{{ id }}` = the write's upstream id) and bind it as `$current`. The main `body` and every step's `when`, `id` and `body` are then evaluated before any write call, so an `$error(…)` there refuses the write with nothing changed.",
  },
);

/** One collection of a merged list: the operation's fields it overrides. */
const MergeSource = Type.Object(
  {
    resource: ResourceName,
    method: Type.Optional(ResourceMethodName),
    query: Type.Optional(Expression("Unified filters → this source's query parameters.")),
    headers: Type.Optional(Headers),
    filter: Type.Optional(Expression('A predicate over each mapped record of this source.')),
    response: Type.Optional(Expression("This source's upstream record → unified record.")),
    error: Type.Optional(Expression("This source's upstream error → `{ code, message }`.")),
  },
  {
    ...Closed,
    description:
      "One upstream collection of a merged list; it inherits the operation's `query`, `headers`, `filter`, `response` and `error` when it does not declare its own.",
  },
);

const Merge = Type.Object(
  {
    order_by: Type.Optional(
      Expression(
        'The sort key, over each mapped unified record (e.g. `created_at`, `$toMillis(created_at)`). Every source must already yield its records in this order. Absent: sources are read one after the other.',
      ),
    ),
    direction: Type.Optional(StringEnum(['asc', 'desc'], { default: 'asc' })),
    sources: Type.Array(MergeSource, { minItems: 2 }),
  },
  {
    ...Closed,
    description:
      "One unified list from several upstream collections, merged by `order_by` with one cursor holding every source's position.",
  },
);

/** One per-record enrichment: another resource called once per upstream record. */
const Enrichment = Type.Object(
  {
    resource: ResourceName,
    method: Type.Optional(StringEnum(['list', 'get'], { default: 'list' })),
    id: Type.Optional(
      Expression(
        'The id (or named parts) to call with. Input: the upstream record. Without it the record is `{{ parent.<field> }}` in the path.',
      ),
    ),
    concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 16, default: 4 })),
    always: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'Run without being asked. By default an enrichment runs only when `expand=<name>` asks for it.',
      }),
    ),
  },
  {
    ...Closed,
    description:
      'Call another resource once per record and bind the result as `$enriched.<name>` in `response` (a list: every record of every page; a get: the record).',
  },
);

const OperationFields = {
  resource: Type.Optional(ResourceName),
  method: Type.Optional(ResourceMethodName),
  id: Type.Optional(IdExpression),
  headers: Type.Optional(Headers),
  current: Type.Optional(CurrentRead),
  merge: Type.Optional(Merge),
  enrich: Type.Optional(
    Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), Enrichment, {
      additionalProperties: false,
      description: 'Per-record enrichments by name (`expand=<name>`, `$enriched.<name>`).',
    }),
  ),
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
  {
    when: Expression(
      'This alternative is used when true. Input: the unified filters; `$query`, and `$id` on get, update and delete.',
    ),
    ...OperationFields,
  },
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

/** One key per unified model and resource the contract defines: their definitions in `src/unified/`. */
export const UnifiedModels = Type.Object(
  Object.fromEntries(
    UNIFIED_MODEL_DEFINITIONS.map((model) => [
      model.name,
      Type.Optional(
        Type.Object(
          Object.fromEntries(
            model.resources.map((resource) => [resource.name, Type.Optional(UnifiedResource)]),
          ),
          { ...Closed, description: `The ${model.name} model.` },
        ),
      ),
    ]),
  ),
  { ...Closed, description: 'Unified models, by name.' },
);
export type UnifiedModels = {
  [model: string]: { [resource: string]: UnifiedResource | undefined } | undefined;
};
