/**
 * @module `auth:` — how credentials reach the upstream. One variant per `type`.
 */
import { type Static, Type } from '@sinclair/typebox';
import {
  Closed,
  Duration,
  Expression,
  HttpMethod,
  StringEnum,
  TaggedUnion,
  Template,
  TemplateMap,
} from './primitives.js';

/** A request Switchboard makes on its own behalf: credential check, token revocation. */
export const AuxiliaryRequest = Type.Object(
  {
    method: HttpMethod,
    path: Template('Path under `base_url`, or an absolute `https://` URL template.'),
    query: Type.Optional(TemplateMap),
    headers: Type.Optional(TemplateMap),
    body: Type.Optional(TemplateMap),
    body_format: Type.Optional(StringEnum(['json', 'form'], { default: 'json' })),
    expect_status: Type.Optional(
      Type.Array(Type.Integer({ minimum: 100, maximum: 599 }), {
        minItems: 1,
        description: 'Defaults to any 2xx.',
      }),
    ),
  },
  { ...Closed, description: 'A request made by Switchboard itself.' },
);
export type AuxiliaryRequest = Static<typeof AuxiliaryRequest>;

const ClientAuth = TaggedUnion(
  [
    Type.Object(
      { type: Type.Literal('basic') },
      { ...Closed, description: '`Authorization: Basic base64(client_id:client_secret)`.' },
    ),
    Type.Object(
      {
        type: Type.Literal('body'),
        client_id_name: Type.Optional(Type.String({ default: 'client_id' })),
        client_secret_name: Type.Optional(Type.String({ default: 'client_secret' })),
      },
      { ...Closed, description: 'client_id and client_secret as fields of the token request body.' },
    ),
    Type.Object(
      {
        type: Type.Literal('header'),
        name: Type.String({ minLength: 1 }),
        value: Template(
          'The header value, e.g. `client_id:{{ connection.client_id }}, client_secret:{{ connection.client_secret }}`.',
        ),
      },
      { ...Closed, description: 'A templated header carrying the client credentials.' },
    ),
  ],
  { description: 'How the client proves itself to the token endpoint.' },
);

/** Where an obtained token goes on every upstream call. */
export const TokenInjection = Type.Object(
  {
    in: StringEnum(['header', 'query'], { default: 'header' }),
    name: Type.String({ minLength: 1, default: 'Authorization' }),
    value: Template('e.g. `Bearer {{ token.access_token }}`.'),
  },
  { ...Closed, description: 'Where the access token is placed on upstream calls.' },
);

const TokenResponse = Type.Object(
  {
    access_token: Type.Optional(
      Expression('Path to the access token in the token response.', { default: 'access_token' }),
    ),
    expires_in: Type.Optional(Expression('Path to the lifetime in seconds.', { default: 'expires_in' })),
    refresh_token: Type.Optional(Expression('Path to the refresh token.', { default: 'refresh_token' })),
  },
  { ...Closed, description: 'Where the token response keeps its fields (JSONata paths).' },
);

const TokenRequest = Type.Object(
  {
    method: Type.Optional(HttpMethod),
    path: Template('Token endpoint: a path under `base_url` or an absolute URL template.'),
    client_auth: ClientAuth,
    body_format: Type.Optional(StringEnum(['json', 'form'], { default: 'form' })),
    body: Type.Optional(TemplateMap),
    headers: Type.Optional(TemplateMap),
  },
  { ...Closed, description: 'The token endpoint and how to call it.' },
);

const Common = {
  verify: Type.Optional(AuxiliaryRequest),
  revoke: Type.Optional(AuxiliaryRequest),
};

const OAuthCommon = {
  token_request: TokenRequest,
  token_response: Type.Optional(TokenResponse),
  scopes: Type.Optional(Type.Array(Type.String())),
  inject: Type.Optional(TokenInjection),
  refresh_skew: Type.Optional(Duration),
  default_expires_in: Type.Optional(Duration),
};

export const Auth = TaggedUnion(
  [
    Type.Object({ type: Type.Literal('none'), ...Common }, { ...Closed, description: 'No credentials.' }),
    Type.Object(
      {
        type: Type.Literal('api_key'),
        in: StringEnum(['header', 'query']),
        name: Type.String({ minLength: 1 }),
        value: Template('e.g. `{{ connection.api_key }}`.'),
        ...Common,
      },
      { ...Closed, description: 'A static key sent in a header or (only here) a query parameter.' },
    ),
    Type.Object(
      { type: Type.Literal('bearer'), token: Template('e.g. `{{ connection.token }}`.'), ...Common },
      { ...Closed, description: '`Authorization: Bearer <token>` with a static token.' },
    ),
    Type.Object(
      {
        type: Type.Literal('basic'),
        username: Template('User name.'),
        password: Template('Password.'),
        ...Common,
      },
      { ...Closed, description: 'HTTP Basic authentication.' },
    ),
    Type.Object(
      { type: Type.Literal('oauth2_client_credentials'), ...OAuthCommon, ...Common },
      {
        ...Closed,
        description: 'OAuth 2.0 client credentials grant; tokens cached per account and refreshed.',
      },
    ),
    Type.Object(
      {
        type: Type.Literal('oauth2_authorization_code'),
        ...OAuthCommon,
        authorize_url: Type.Optional(Template('The consent page URL.')),
        refresh_token_field: Type.String({
          minLength: 1,
          description: 'The connection field holding the initial refresh token.',
        }),
        ...Common,
      },
      { ...Closed, description: 'OAuth 2.0 authorization code grant with refresh-token rotation.' },
    ),
  ],
  { description: 'How Switchboard authenticates to the upstream.' },
);
export type Auth = Static<typeof Auth>;
export type AuthType = Auth['type'];
