/**
 * Mistakes in the keys of the auth / connection / rate-limit features are located `file:line:col` issues, with
 * a did-you-mean where a key or tag is misspelt.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrationSource } from '../../src/config/load-integration.js';
import { acmeVariant, type VariantParts } from '../support/acme-variant.js';

async function issuesOf(parts: VariantParts): Promise<string[]> {
  const text = acmeVariant(parts);
  const result = await checkIntegrationSource(text, 'acme.yaml');
  if (!('issues' in result)) return [];
  return result.issues.map((issue) => {
    const line = text.split('\n')[issue.line - 1] ?? '';
    return `${issue.line}:${issue.column} ${issue.message} @ ${line.slice(issue.column - 1, issue.column + 14)}`;
  });
}

const KEY = '  private_key: { type: string, label: Key, secret: true }';
const jwtAuth = (clientAuth: string) => `  type: oauth2_client_credentials
  token_request:
    path: /oauth/token
    client_auth:
${clientAuth}`;

beforeAll(async () => {
  await checkIntegrationSource(acmeVariant(), 'warm.yaml'); // compiles the JSON Schema once
}, 60_000);

describe('located issues for the new keys', () => {
  it('suggests `methods` for a misspelt key, and refuses `method` with `methods`', async () => {
    expect(
      await issuesOf({
        extra: `rate_limit:
  policies:
    - { match: { metods: [POST] }, limit: 5, per: 1m }
    - { match: { method: GET, methods: [POST] }, limit: 5, per: 1m, cost: 9 }`,
      }),
    ).toEqual([
      expect.stringMatching(/^\d+:18 unknown key `metods`, did you mean `methods`\? @ metods/),
      expect.stringMatching(/^\d+:\d+ give either `method` or `methods`, not both .* @ methods/),
      expect.stringMatching(/^\d+:\d+ a call costing 9 could never be made under a limit of 5 @ 9/),
    ]);
  });

  it('explains a `cost` by the form it was written in (a number or a list)', async () => {
    const policy = (cost: string) => ({
      extra: `rate_limit:\n  policies:\n    - { limit: 5, per: 1m, cost: ${cost} }`,
    });
    expect(await issuesOf(policy('two'))).toEqual([
      expect.stringMatching(/expected a whole number or a list, got a string @ two/),
    ]);
    expect(await issuesOf(policy('0'))).toEqual([expect.stringMatching(/must be >= 1, got 0 @ 0/)]);
    expect(await issuesOf(policy('[{ mach: {}, cost: 2 }]'))).toEqual([
      expect.stringMatching(/missing required key `match`/),
      expect.stringMatching(/unknown key `mach`, did you mean `match`\? @ mach/),
    ]);
  });

  it('suggests the client auth type and names the JWT mistakes', async () => {
    expect(
      await issuesOf({
        connection: KEY,
        auth: jwtAuth('      type: private_key_jw\n      private_key: "{{ connection.private_key }}"'),
      }),
    ).toEqual([
      expect.stringMatching(
        /unknown .*`private_key_jw`.*did you mean `private_key_jwt`|expected one of .*`private_key_jwt`/,
      ),
    ]);
    const issues = await issuesOf({
      connection: '  private_key: { type: string, label: Key }',
      auth: jwtAuth(`      type: private_key_jwt
      private_key: "-----BEGIN {{ connection.private_key }}"
      claims: { exp: "1", iss: x, sub: "{{ token.access_token }}" }
      lifetime: 2h`),
    });
    expect(issues).toEqual([
      expect.stringMatching(/private_key must be exactly one secret connection field/),
      expect.stringMatching(/connection field `private_key` holds a private key: mark it `secret: true`/),
      expect.stringMatching(/claim `exp` is computed by the engine .* @ exp/),
      expect.stringMatching(/`\{\{ token.access_token \}\}` is not known when the JWT is built/),
      expect.stringMatching(/lifetime must be from 1s to 1h .* @ 2h/),
    ]);
  });

  it('checks connection defaults against the field', async () => {
    const issues = await issuesOf({
      connection: `  region: { type: string, label: Region, pattern: "[a-z]{2}", default: Europe, required: true }
  token: { type: string, label: Token, secret: true, default: abc }`,
    });
    expect(issues).toEqual([
      expect.stringMatching(/the default does not match the field's pattern @ Europe/),
      expect.stringMatching(
        /field `region` has a default, so it is never missing; drop `required: true` @ required/,
      ),
      expect.stringMatching(/secret field `token` cannot have a default/),
    ]);
  });

  it('allows $secret only in write bodies, pointing at it', async () => {
    const issues = await issuesOf({ createBody: '{ "display_name": name }' }).then(async (clean) => {
      expect(clean).toEqual([]);
      return issuesOf({
        extra: "definitions:\n  secret: '\"x\"'\n  pw: 'function(){ $secret(12) }'",
      });
    });
    expect(issues).toEqual([
      expect.stringMatching(/definition `secret` would shadow the engine's `\$secret` binding/),
      expect.stringMatching(
        /`\$secret\(\)` is only available in write `body` expressions .* @ \$secret\(12\)/,
      ),
    ]);
  });
});
