/**
 * @module `auth:` — how credentials reach the upstream. One variant per `type`.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../typebox.js';
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
    reason: Type.Optional(RefusalReason()),
  },
  { ...Closed, description: 'A request made by Switchboard itself.' },
);
export type AuxiliaryRequest = Static<typeof AuxiliaryRequest>;

/**
 * The human reason an upstream gives when it refuses a request, read from its error body. Shown as the message of
 * the link-time 422 (`verify`) or of `SB_ERR_AUTH_NEEDS_REAUTH` (token request); when it yields nothing, the
 * engine's own picker (`error_description`, `message`, …) is used.
 */
function RefusalReason() {
  return Expression(
    'JSONata over the upstream error body (`$status`, `$headers` bound) giving the reason shown when it refuses, e.g. `errorSummary` or `error.message`.',
  );
}

/** JWT fields shared by `client_auth: private_key_jwt` and `auth.assertion` (RFC 7523). */
const JwtFields = {
  algorithm: Type.Optional(
    StringEnum(['RS256', 'ES256'], { description: 'The signing algorithm.', default: 'RS256' }),
  ),
  private_key: Template(
    'The PEM private key (PKCS#8, PKCS#1 or SEC1), from a `secret: true` connection field, e.g. `{{ connection.private_key }}`.',
  ),
  key_id: Type.Optional(Template('The JWT header `kid`, e.g. `{{ connection.key_id }}`.')),
  claims: Type.Optional(
    Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.:-]*$' }), Template('A claim value.'), {
      description:
        'JWT claims (templates). `exp`, `iat`, `nbf` and `jti` are computed. `aud` defaults to the token endpoint URL; for `private_key_jwt`, `iss` and `sub` default to `{{ connection.client_id }}`.',
    }),
  ),
  lifetime: Type.Optional(Duration),
};

/** A signed JWT (RFC 7523) built for each token request. */
export const JwtAssertion = Type.Object(JwtFields, {
  ...Closed,
  description: 'A JWT signed with a private key from the connection, sent as the grant (RFC 7523 §2.1).',
});
export type JwtAssertion = Static<typeof JwtAssertion>;

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
    Type.Object(
      { type: Type.Literal('private_key_jwt'), ...JwtFields },
      {
        ...Closed,
        description:
          'A signed JWT as `client_assertion` (RFC 7523 §2.2), e.g. Okta service apps: no client secret is sent.',
      },
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

const tokenRequestFields = {
  method: Type.Optional(HttpMethod),
  path: Template(
    'Token endpoint: a path under `base_url` or an absolute URL template (another host, e.g. `https://login.microsoftonline.com/{{ connection.tenant_id }}/oauth2/v2.0/token`).',
  ),
  body_format: Type.Optional(StringEnum(['json', 'form'], { default: 'form' })),
  body: Type.Optional(TemplateMap),
  headers: Type.Optional(TemplateMap),
  reason: Type.Optional(RefusalReason()),
};

const TokenRequest = Type.Object(
  { ...tokenRequestFields, client_auth: ClientAuth },
  { ...Closed, description: 'The token endpoint and how to call it.' },
);

const JwtBearerTokenRequest = Type.Object(
  { ...tokenRequestFields, client_auth: Type.Optional(ClientAuth) },
  {
    ...Closed,
    description: 'The token endpoint; the assertion is the grant, so client authentication is optional.',
  },
);

const Common = {
  verify: Type.Optional(AuxiliaryRequest),
  revoke: Type.Optional(AuxiliaryRequest),
};

const OAuthTokenHandling = {
  token_response: Type.Optional(TokenResponse),
  scopes: Type.Optional(Type.Array(Type.String())),
  inject: Type.Optional(TokenInjection),
  refresh_skew: Type.Optional(Duration),
  default_expires_in: Type.Optional(Duration),
};

const OAuthCommon = { token_request: TokenRequest, ...OAuthTokenHandling };

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
    Type.Object(
      {
        type: Type.Literal('oauth2_jwt_bearer'),
        token_request: JwtBearerTokenRequest,
        assertion: JwtAssertion,
        ...OAuthTokenHandling,
        ...Common,
      },
      {
        ...Closed,
        description:
          'OAuth 2.0 JWT bearer grant (RFC 7523 §2.1, e.g. Google service accounts): a signed JWT exchanged for a token.',
      },
    ),
  ],
  { description: 'How Switchboard authenticates to the upstream.' },
);
export type Auth = Static<typeof Auth>;
export type AuthType = Auth['type'];
