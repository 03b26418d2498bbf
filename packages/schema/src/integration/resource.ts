/**
 * @module `resources:` — the upstream endpoints, 1-to-1. They are the Proxy API and what unified mappings call.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { Closed, Expression, HttpMethod, StringEnum, Template, TemplateMap } from './primitives.js';

export const ResourceMethodName = StringEnum(['list', 'get', 'create', 'update', 'delete'], {
  description:
    'Proxy shape: list = GET without id, get = GET with id, create = POST, update = PUT/PATCH, delete = DELETE.',
});
export type ResourceMethodName = Static<typeof ResourceMethodName>;

export const ResourceMethod = Type.Object(
  {
    method: HttpMethod,
    path: Template(
      'Path under `base_url`; `{{ id }}` is the record id, `{{ parent.<field> }}` a fan-out or enrichment parent, and any other plain name (`{{ user_id }}`) a named placeholder: filled from the named parts an `id` expression yields, or on the Proxy API from the query parameter of that name.',
    ),
    query: Type.Optional(TemplateMap),
    headers: Type.Optional(TemplateMap),
    pagination: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'The name of a scheme under `pagination:`. On a `get`, the answer is a paged collection named by the id (a group’s members): the Proxy API pages it like a list, `records` applied.',
      }),
    ),
    records: Type.Optional(
      Expression('Where the records are in a list body (default `$`, the body itself).'),
    ),
    record: Type.Optional(Expression('Where the record is in a single-record body (default `$`).')),
    success_status: Type.Optional(Type.Array(Type.Integer({ minimum: 200, maximum: 299 }), { minItems: 1 })),
  },
  { ...Closed, description: 'One upstream call.' },
);
export type ResourceMethod = Static<typeof ResourceMethod>;

/** A record written in the file itself (a static resource's record). */
const StaticRecord = Type.Record(Type.String({ minLength: 1 }), Type.Unknown(), {
  description: 'One record, as the upstream would have sent it.',
});

export const Resource = Type.Object(
  {
    description: Type.Optional(Type.String()),
    static: Type.Optional(
      Type.Array(StaticRecord, {
        minItems: 1,
        description:
          'A static resource: its records come from the file itself (e.g. fixed role types). It answers `list` (paged like any list) and `get` (by `key`), and declares no methods.',
      }),
    ),
    key: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'The field of a static record that `get` matches the id against (default `id`).',
      }),
    ),
    list: Type.Optional(ResourceMethod),
    get: Type.Optional(ResourceMethod),
    create: Type.Optional(ResourceMethod),
    update: Type.Optional(ResourceMethod),
    delete: Type.Optional(ResourceMethod),
  },
  { ...Closed, description: 'An upstream resource and the calls it supports.' },
);
export type Resource = Static<typeof Resource>;
