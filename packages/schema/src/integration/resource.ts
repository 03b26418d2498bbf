/**
 * @module `resources:` — the upstream endpoints, 1-to-1. They are the Proxy API and what unified mappings call.
 */
import { type Static, Type } from '@sinclair/typebox';
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
      'Path under `base_url`; `{{ id }}` is the record id, `{{ parent.<field> }}` a fan-out parent.',
    ),
    query: Type.Optional(TemplateMap),
    headers: Type.Optional(TemplateMap),
    pagination: Type.Optional(
      Type.String({ minLength: 1, description: 'The name of a scheme under `pagination:`.' }),
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

export const Resource = Type.Object(
  {
    description: Type.Optional(Type.String()),
    list: Type.Optional(ResourceMethod),
    get: Type.Optional(ResourceMethod),
    create: Type.Optional(ResourceMethod),
    update: Type.Optional(ResourceMethod),
    delete: Type.Optional(ResourceMethod),
  },
  { ...Closed, description: 'An upstream resource and the calls it supports.' },
);
export type Resource = Static<typeof Resource>;
