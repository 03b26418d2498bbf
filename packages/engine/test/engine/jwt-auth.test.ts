/**
 * RFC 7523 auth against the Acme upstream: a JWT signed with the account's private key, as the client's
 * assertion (Okta service apps: `client_auth: private_key_jwt`) or as the grant itself (Google service accounts:
 * `auth.type: oauth2_jwt_bearer`). The upstream verifies each JWT with the public key; keys and JWTs never show
 * in a debug trace; a key that does not parse is a 400 naming the field, at link time.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledIntegration } from '../../src/config/compiled-integration.js';
import { NOW } from '../support/acme-engine.js';
import {
  ACME_CONNECTION,
  ACME_ORIGIN,
  acmeUpstream,
  type TokenRequestSeen,
} from '../support/acme-upstream.js';
import { loadVariant, useOfflineNetwork, variantEngine } from '../support/acme-variant.js';

const TOKEN_URL = `${ACME_ORIGIN}/oauth/token`;
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pem = (key: KeyObject) => key.export({ format: 'pem', type: 'pkcs8' }).toString();
const RSA_PEM = pem(rsa.privateKey);
const EC_PEM = pem(ec.privateKey);
// The part of a PEM that is the key material (what must never leak).
const material = (text: string) => text.split('\n')[3] as string;

const KEY_FIELDS = `  private_key: { type: string, label: Private key (PEM), secret: true }
  key_id: { type: string, label: Key ID, required: false }`;

let clientAssertion: CompiledIntegration;
let jwtGrant: CompiledIntegration;
beforeAll(async () => {
  clientAssertion = await loadVariant({
    connection: KEY_FIELDS,
    auth: `  type: oauth2_client_credentials
  token_request:
    path: /oauth/token
    client_auth:
      type: private_key_jwt
      private_key: "{{ connection.private_key }}"
      key_id: "{{ connection.key_id }}"
  scopes: [directory.read]
  verify: { method: GET, path: /v1/me }`,
  });
  jwtGrant = await loadVariant({
    connection: `${KEY_FIELDS}\n  admin_email: { type: email, label: Admin email }`,
    auth: `  type: oauth2_jwt_bearer
  token_request: { path: /oauth/token }
  assertion:
    algorithm: ES256
    private_key: "{{ connection.private_key }}"
    claims:
      iss: "{{ connection.client_id }}"
      sub: "{{ connection.admin_email }}"
      scope: directory.read directory.write
    lifetime: 30m
  verify: { method: GET, path: /v1/me }`,
  });
}, 60_000);

/** Accepts a token request only when its JWT verifies with `key` (and the time is the engine's). */
const verifiedWith =
  (key: KeyObject, field: 'client_assertion' | 'assertion') => async (r: TokenRequestSeen) => {
    const jwt = r.fields[field];
    if (!jwt) return false;
    try {
      await jwtVerify(jwt, key, { currentDate: new Date(NOW), audience: TOKEN_URL });
      return true;
    } catch {
      return false;
    }
  };

const users = (connection: Record<string, string>) =>
  ({
    integration: 'acme',
    account: { id: 'acct-jwt', connection },
    model: 'user-directory',
    resource: 'users',
    limit: 2,
  }) as const;

describe('client_auth: private_key_jwt (RFC 7523 §2.2)', () => {
  useOfflineNetwork();
  const connection = { ...ACME_CONNECTION, private_key: RSA_PEM, key_id: 'key-7' };

  it('proves the client with a signed JWT and sends no client secret', async () => {
    const upstream = acmeUpstream(undefined, {
      token: { accept: verifiedWith(rsa.publicKey, 'client_assertion') },
    });
    const engine = await variantEngine(clientAssertion);
    // A PEM key is lines: its line breaks pass the link-time check that refuses control characters elsewhere.
    expect(engine.checkConnection('acme', connection)['private_key']).toBe(RSA_PEM);
    expect(() => engine.checkConnection('acme', { ...connection, key_id: 'key\n7' })).toThrowError(
      /key_id must not contain control characters/,
    );
    const page = await engine.list(users(connection));
    expect(page.result).toHaveLength(2);

    const [request] = upstream.tokenRequests;
    expect(request?.fields).toMatchObject({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      scope: 'directory.read',
    });
    expect(request?.headers['authorization']).toBeUndefined();
    expect(JSON.stringify(request?.fields)).not.toContain(ACME_CONNECTION.client_secret);
    const jwt = request?.fields['client_assertion'] as string;
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'key-7' });
    const { payload } = await jwtVerify(jwt, rsa.publicKey, { currentDate: new Date(NOW) });
    expect(payload).toMatchObject({
      iss: 'acme-client',
      sub: 'acme-client',
      aud: TOKEN_URL,
      iat: NOW / 1000,
      exp: NOW / 1000 + 300,
    });
    expect(payload.jti).toEqual(expect.any(String));
    await engine.close();
  });

  it('names the audience after the declared token URL even when the operator redirects it', async () => {
    const sim = 'http://sim.acme.test';
    const upstream = acmeUpstream(undefined, {
      origin: sim,
      token: { origin: sim, accept: verifiedWith(rsa.publicKey, 'client_assertion') },
    });
    const engine = await variantEngine(clientAssertion, { upstreamOverrides: { acme: sim } });
    await engine.verify('acme', { id: 'acct-jwt', connection });
    expect(upstream.tokenRequests).toHaveLength(1);
    await engine.close();
  });

  it('keeps the key and the JWT out of a debug trace', async () => {
    const upstream = acmeUpstream();
    const engine = await variantEngine(clientAssertion);
    const page = await engine.list({ ...users(connection), format: 'debug' });
    const trace = JSON.stringify(page);
    const jwt = upstream.tokenRequests[0]?.fields['client_assertion'] as string;
    expect(trace).toContain('auth.token');
    expect(trace).not.toContain(jwt);
    expect(trace).not.toContain(jwt.split('.')[2]);
    expect(trace).not.toContain(material(RSA_PEM));
    await engine.close();
  });

  it('refuses a key that is not PEM at link time, naming the field (400), without calling the upstream', async () => {
    const upstream = acmeUpstream();
    const engine = await variantEngine(clientAssertion);
    const broken = { ...connection, private_key: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-not-a-key' };
    expect(() => engine.checkConnection('acme', broken)).toThrowError(
      expect.objectContaining({
        code: 'SB_ERR_RUN_INVALID_INPUT',
        message: 'invalid connection: private_key is not a PEM private key',
        details: expect.objectContaining({
          problems: [{ field: 'private_key', message: 'is not a PEM private key' }],
        }),
      }),
    );
    await expect(engine.verify('acme', { id: 'acct-jwt', connection: broken })).rejects.toMatchObject({
      code: 'SB_ERR_RUN_INVALID_INPUT',
      details: { field: 'private_key' },
    });
    expect(upstream.tokenRequests).toHaveLength(0);
    await engine.close();
  });

  it('refuses an EC key where the file says RS256', async () => {
    acmeUpstream();
    const engine = await variantEngine(clientAssertion);
    expect(() => engine.checkConnection('acme', { ...connection, private_key: EC_PEM })).toThrowError(
      /private_key is not an RSA private key \(needed for RS256\)/,
    );
    await engine.close();
  });

  it('a refused assertion is refused credentials at link time, with the upstream reason', async () => {
    acmeUpstream(undefined, { token: { accept: () => false } });
    const engine = await variantEngine(clientAssertion);
    await expect(engine.verify('acme', { id: 'acct-jwt', connection })).rejects.toMatchObject({
      code: 'SB_ERR_AUTH_INVALID_CREDENTIALS',
      details: { reason: 'client assertion refused (HTTP 401)' },
    });
    await engine.close();
  });
});

describe('auth.type: oauth2_jwt_bearer (RFC 7523 §2.1)', () => {
  useOfflineNetwork();
  const connection = { ...ACME_CONNECTION, private_key: EC_PEM, admin_email: 'admin@acme.test' };

  it('exchanges an ES256 JWT with templated claims for an access token', async () => {
    const upstream = acmeUpstream(undefined, { token: { accept: verifiedWith(ec.publicKey, 'assertion') } });
    const engine = await variantEngine(jwtGrant);
    await engine.verify('acme', { id: 'acct-jwt', connection });
    const page = await engine.list(users(connection));
    expect(page.result).toHaveLength(2);
    const request = upstream.tokenRequests.at(-1);
    expect(request?.fields['grant_type']).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(request?.fields['client_id']).toBeUndefined();
    const { payload, protectedHeader } = await jwtVerify(
      request?.fields['assertion'] as string,
      ec.publicKey,
      {
        currentDate: new Date(NOW),
      },
    );
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({
      iss: 'acme-client',
      sub: 'admin@acme.test',
      scope: 'directory.read directory.write',
      aud: TOKEN_URL,
      exp: NOW / 1000 + 1800,
    });
    await engine.close();
  });

  it('accepts a PEM pasted with literal \\n sequences (from a JSON key file)', async () => {
    acmeUpstream(undefined, { token: { accept: verifiedWith(ec.publicKey, 'assertion') } });
    const engine = await variantEngine(jwtGrant);
    const pasted = { ...connection, private_key: EC_PEM.trim().replaceAll('\n', '\\n') };
    expect(engine.checkConnection('acme', pasted)['private_key']).toBe(pasted.private_key);
    await engine.verify('acme', { id: 'acct-jwt', connection: pasted });
    await engine.close();
  });
});
