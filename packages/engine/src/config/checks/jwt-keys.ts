/**
 * @module The JWTs of `auth.assertion` and `client_auth: { type: private_key_jwt }`: the private key comes from
 * exactly one connection field and that field is `secret: true` (a key must never be shown, logged or stored in
 * clear); `exp`, `iat`, `nbf` and `jti` are computed, never written; `lifetime` stays within an hour (what Okta
 * and Google accept); `private_key_jwt` without `iss`/`sub` needs a `client_id` field, their default; claims and
 * `key_id` use connection fields only (no token exists yet when the JWT is built).
 */
import { templateReferences } from '../../mapping/template.js';
import type { IssueDraft } from '../issue-draft.js';
import { toPointer } from '../json-pointer.js';
import { isPlainObject } from '../plain-object.js';
import type { SemanticCheck } from './semantic-check.js';

const COMPUTED = new Set(['exp', 'iat', 'nbf', 'jti']);
const MAX_LIFETIME_MS = 60 * 60 * 1000;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function checkJwt(
  jwt: Record<string, unknown>,
  at: (string | number)[],
  connection: Record<string, unknown>,
  clientAssertion: boolean,
  issues: IssueDraft[],
): void {
  const key = jwt['private_key'];
  if (typeof key === 'string') {
    const fields = templateReferences(key).filter((reference) => reference.startsWith('connection.'));
    const pointer = toPointer([...at, 'private_key']);
    if (!/^\s*\{\{\s*connection\.[a-z][a-z0-9_]*\s*\}\}\s*$/.test(key))
      issues.push({
        pointer,
        message:
          'private_key must be exactly one secret connection field, e.g. `{{ connection.private_key }}`',
      });
    for (const reference of fields) {
      const name = reference.slice('connection.'.length);
      const field = connection[name];
      if (isPlainObject(field) && field['secret'] !== true)
        issues.push({
          pointer,
          message: `connection field \`${name}\` holds a private key: mark it \`secret: true\``,
        });
    }
  }
  const claims = jwt['claims'];
  // The JWT is built before any token exists: only connection fields can fill it.
  const templates: [(string | number)[], unknown][] = [
    [['key_id'], jwt['key_id']],
    ...Object.entries(isPlainObject(claims) ? claims : {}).map(
      ([name, value]): [(string | number)[], unknown] => [['claims', name], value],
    ),
  ];
  for (const [path, template] of templates) {
    if (typeof template !== 'string') continue;
    const other = templateReferences(template).find((reference) => !reference.startsWith('connection.'));
    if (other !== undefined)
      issues.push({
        pointer: toPointer([...at, ...path]),
        message: `\`{{ ${other} }}\` is not known when the JWT is built; use connection fields only`,
      });
  }
  if (isPlainObject(claims)) {
    for (const name of Object.keys(claims)) {
      if (COMPUTED.has(name))
        issues.push({
          pointer: toPointer([...at, 'claims', name]),
          at: 'key',
          message: `claim \`${name}\` is computed by the engine (exp and iat from \`lifetime\`, jti at random); remove it`,
        });
    }
  }
  const lifetime = jwt['lifetime'];
  const duration = typeof lifetime === 'string' ? /^([0-9]+)(ms|s|m|h)$/.exec(lifetime) : null;
  if (duration) {
    const ms = Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS];
    if (ms < 1000 || ms > MAX_LIFETIME_MS)
      issues.push({
        pointer: toPointer([...at, 'lifetime']),
        message: `lifetime must be from 1s to 1h (token endpoints refuse longer-lived assertions)`,
      });
  }
  if (clientAssertion && !Object.hasOwn(connection, 'client_id')) {
    const given = isPlainObject(claims) ? claims : {};
    if (!('iss' in given) || !('sub' in given))
      issues.push({
        pointer: toPointer(at),
        at: 'key',
        message:
          'private_key_jwt defaults `iss` and `sub` to `{{ connection.client_id }}`, but there is no `client_id` field; declare one or write both claims',
      });
  }
}

export const checkJwtKeys: SemanticCheck = ({ data }) => {
  const issues: IssueDraft[] = [];
  if (!isPlainObject(data) || !isPlainObject(data['auth'])) return issues;
  const auth = data['auth'];
  const connection = isPlainObject(data['connection']) ? data['connection'] : {};
  if (isPlainObject(auth['assertion']))
    checkJwt(auth['assertion'], ['auth', 'assertion'], connection, false, issues);
  const request = auth['token_request'];
  const clientAuth = isPlainObject(request) ? request['client_auth'] : undefined;
  if (isPlainObject(clientAuth) && clientAuth['type'] === 'private_key_jwt')
    checkJwt(clientAuth, ['auth', 'token_request', 'client_auth'], connection, true, issues);
  return issues;
};
