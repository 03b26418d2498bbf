/**
 * @module A JWT signed with the account's private key (RFC 7523), built fresh for each token request: as the
 * grant itself (`auth.type: oauth2_jwt_bearer`, Google service accounts) or as the client's proof
 * (`client_auth.type: private_key_jwt`, Okta service apps). Claims are templates; `iat`, `exp` and `jti` are
 * computed. The key and the signed JWT are registered as secrets before anything can echo them, and a key that
 * does not parse is the customer's input error naming the connection field, never a 500.
 */
import { createPrivateKey, type KeyObject, randomUUID } from 'node:crypto';
import type { JwtAssertion } from '@switchboard/schema';
import { InvalidInput } from '../../errors.js';
import { templateReferences } from '../../mapping/template.js';
import { renderDeclared } from '../render-declared.js';
import { parseDuration } from '../time/parse-duration.js';
import { type AuthContext, connectionScope } from './strategy.js';

export const DEFAULT_JWT_LIFETIME = '5m';
/** Claims the engine computes; the loader refuses them under `claims:`. */
export const COMPUTED_CLAIMS: readonly string[] = ['exp', 'iat', 'nbf', 'jti'];

export interface JwtSpec extends Omit<JwtAssertion, 'claims'> {
  claims?: Readonly<Record<string, string>>;
}

/** The connection field(s) a template reads, for messages: `{{ connection.private_key }}` → `private_key`. */
export function fieldsOf(template: string): string[] {
  return templateReferences(template)
    .filter((reference) => reference.startsWith('connection.'))
    .map((reference) => reference.slice('connection.'.length));
}

/** PEM pasted from a JSON file (a Google service-account key) often arrives with literal `\n` sequences. */
function normalisePem(text: string): string {
  const trimmed = text.trim();
  return trimmed.includes('\n') ? trimmed : trimmed.replaceAll('\\n', '\n');
}

function keyProblem(key: KeyObject, algorithm: 'RS256' | 'ES256'): string | undefined {
  if (algorithm === 'RS256')
    return key.asymmetricKeyType === 'rsa' ? undefined : `is not an RSA private key (needed for RS256)`;
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    return 'is not a P-256 EC private key (needed for ES256)';
  return undefined;
}

/**
 * Parses the PEM private key the template renders to. Throws `InvalidInput` (400) naming the field when it is
 * not a private key of the algorithm's kind; the message never contains the key.
 */
export function privateKeyOf(
  template: string,
  algorithm: 'RS256' | 'ES256',
  connection: Readonly<Record<string, string>>,
  where: string,
): KeyObject {
  const text = renderDeclared(template, { connection }, where);
  const field = fieldsOf(template).join(', ') || where;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: normalisePem(text), format: 'pem' });
  } catch (error) {
    throw new InvalidInput(`connection field ${field} is not a PEM private key`, {
      details: { field, reason: 'is not a PEM private key', error_code: (error as { code?: string }).code },
    });
  }
  const problem = keyProblem(key, algorithm);
  if (problem)
    throw new InvalidInput(`connection field ${field} ${problem}`, { details: { field, reason: problem } });
  return key;
}

/**
 * Signs the JWT for one token request. `audience` is the token endpoint as declared (the default `aud`);
 * `defaults` are claims used when the file does not write them (`iss`/`sub` for `private_key_jwt`).
 */
export async function signAssertion(
  context: AuthContext,
  spec: JwtSpec,
  where: string,
  audience: string,
  defaults: Readonly<Record<string, string>> = {},
): Promise<string> {
  const scope = connectionScope(context);
  const keyText = renderDeclared(spec.private_key, scope, `${where}.private_key`);
  context.redactor.addSecret(keyText);
  const algorithm = spec.algorithm ?? 'RS256';
  const key = privateKeyOf(spec.private_key, algorithm, context.account.connection, `${where}.private_key`);

  const claims: Record<string, string> = { aud: audience };
  for (const [name, template] of Object.entries({ ...defaults, ...spec.claims }))
    claims[name] = renderDeclared(template, scope, `${where}.claims.${name}`);
  const issuedAt = Math.floor(context.clock() / 1000);
  const lifetime = Math.floor(parseDuration(spec.lifetime ?? DEFAULT_JWT_LIFETIME, 0) / 1000);
  const header: { alg: string; typ: string; kid?: string } = { alg: algorithm, typ: 'JWT' };
  if (spec.key_id !== undefined) header.kid = renderDeclared(spec.key_id, scope, `${where}.key_id`);

  // jose (46 modules) is imported by the first signature, not at start-up: most deployments never sign a JWT.
  const { SignJWT } = await import('jose');
  const jwt = await new SignJWT({ ...claims, jti: randomUUID() })
    .setProtectedHeader(header)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetime)
    .sign(key);
  context.redactor.addSecret(jwt);
  return jwt;
}
