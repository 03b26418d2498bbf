/**
 * @module The root of an integration file (`integrations/<name>.yaml`).
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { Auth } from './auth.js';
import { Connection } from './connection.js';
import { Definitions } from './definitions.js';
import { PaginationScheme } from './pagination.js';
import { Closed, Template, TemplateMap } from './primitives.js';
import { RateLimit, Retry, Timeouts } from './rate-limit.js';
import { Resource } from './resource.js';
import { UnifiedModels } from './unified.js';

/** The version of the file format this package describes. */
export const SCHEMA_VERSION = 1;

export const Integration = Type.Object(
  {
    schema_version: Type.Literal(SCHEMA_VERSION, { description: 'The integration file format version.' }),
    name: Type.String({ pattern: '^[a-z][a-z0-9_-]*$', description: 'Stable identifier, e.g. `onelogin`.' }),
    label: Type.String({ minLength: 1, description: 'Display name, e.g. `OneLogin`.' }),
    category: Type.Optional(Type.String({ description: 'e.g. `identity`.' })),
    docs_url: Type.Optional(Type.String({ format: 'uri' })),
    connection: Connection,
    base_url: Template(
      'The upstream origin and base path, e.g. `https://{{ connection.subdomain }}.onelogin.com`.',
    ),
    headers: Type.Optional(TemplateMap),
    auth: Auth,
    pagination: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), PaginationScheme, {
        ...Closed,
        description: 'Named paging schemes, referenced by `resources.<name>.<method>.pagination`.',
      }),
    ),
    rate_limit: Type.Optional(RateLimit),
    retry: Type.Optional(Retry),
    timeouts: Type.Optional(Timeouts),
    resources: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), Resource, {
      ...Closed,
      description: 'Upstream resources by name: the Proxy API.',
    }),
    definitions: Type.Optional(Definitions),
    unified: Type.Optional(UnifiedModels),
  },
  { ...Closed, description: 'A Switchboard integration file.' },
);
export type Integration = Static<typeof Integration>;
