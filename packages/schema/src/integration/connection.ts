/**
 * @module `connection:` — the fields an end customer supplies when linking an account.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
import { Closed, StringEnum } from './primitives.js';

export const ConnectionField = Type.Object(
  {
    type: StringEnum(['string', 'url', 'email'], { description: 'The kind of value.', default: 'string' }),
    label: Type.String({ minLength: 1, description: 'Shown on the connect page.' }),
    help: Type.Optional(
      Type.String({ description: 'One sentence telling the customer where to find the value.' }),
    ),
    placeholder: Type.Optional(Type.String()),
    example: Type.Optional(Type.String()),
    pattern: Type.Optional(Type.String({ description: 'A regular expression the whole value must match.' })),
    prefix: Type.Optional(Type.String({ description: 'Text shown before the input, e.g. `https://`.' })),
    suffix: Type.Optional(Type.String({ description: 'Text shown after the input, e.g. `.onelogin.com`.' })),
    secret: Type.Optional(
      Type.Boolean({
        description:
          'Encrypted at rest, never returned, redacted from logs and traces, never allowed in a URL.',
      }),
    ),
    required: Type.Optional(
      Type.Boolean({ description: 'Defaults to true (false when the field has a `default`).' }),
    ),
    default: Type.Optional(
      Type.String({
        description:
          'The value used when the customer leaves the field out (such a field is optional). Not allowed on secret fields.',
      }),
    ),
  },
  { ...Closed, description: 'One field of the connection form.' },
);
export type ConnectionField = Static<typeof ConnectionField>;

export const Connection = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), ConnectionField, {
  ...Closed,
  description: 'The fields a customer supplies when linking an account, by name (snake_case).',
});
export type Connection = Static<typeof Connection>;
