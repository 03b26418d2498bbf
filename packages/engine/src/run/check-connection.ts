/**
 * @module Connection values against the integration's declared fields: only declared fields, required ones
 * present (a field with a `default` takes it when left out), patterns and types respected, private keys that
 * JWT auth signs with parse as keys of the declared algorithm. Every problem is listed at once; values are never
 * echoed (they may be secrets).
 */
import type { CompiledIntegration } from '../config/compiled-integration.js';
import { InvalidInput } from '../errors.js';
import { fieldsOf, type JwtSpec, privateKeyOf } from '../http/auth/jwt-assertion.js';

export interface ConnectionProblem {
  field: string;
  message: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/**
 * C0/C1 controls, DEL and the Unicode line/paragraph separators: never part of a credential or a host name, and
 * they end up in URLs and headers, where they either inject or make the HTTP client refuse the request.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** The same, but a PEM key is lines: its line breaks (and only those) are allowed; it is never sent as is. */
const CONTROL_CHARACTERS_BUT_LINE_BREAKS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

export function checkConnection(
  integration: CompiledIntegration,
  connection: Record<string, unknown>,
): Record<string, string> {
  const declared = integration.definition.connection;
  const problems: ConnectionProblem[] = [];
  const values: Record<string, string> = {};
  const keyFields = new Set(jwtSpecs(integration).flatMap(({ spec }) => fieldsOf(spec.private_key)));

  for (const name of Object.keys(connection ?? {})) {
    if (!Object.hasOwn(declared, name))
      problems.push({ field: name, message: 'is not a field of this integration' });
  }
  for (const [name, field] of Object.entries(declared)) {
    const value = Object.hasOwn(connection ?? {}, name) ? connection[name] : undefined;
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (field.default !== undefined) values[name] = field.default;
      else if (field.required ?? true) problems.push({ field: name, message: 'is required' });
      continue;
    }
    if (typeof value !== 'string') {
      problems.push({ field: name, message: 'must be a string' });
      continue;
    }
    if ((keyFields.has(name) ? CONTROL_CHARACTERS_BUT_LINE_BREAKS : CONTROL_CHARACTERS).test(value)) {
      problems.push({ field: name, message: 'must not contain control characters' });
      continue;
    }
    // Compiled as the loader validated it (no flags), so a pattern that loaded always compiles here.
    if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`).test(value)) {
      problems.push({
        field: name,
        message: `does not have the expected format${field.example ? ` (e.g. ${field.example})` : ''}`,
      });
      continue;
    }
    if (field.type === 'url' && !isHttpUrl(value)) {
      problems.push({ field: name, message: 'must be an http(s) URL' });
      continue;
    }
    if (field.type === 'email' && !EMAIL.test(value)) {
      problems.push({ field: name, message: 'must be an email address' });
      continue;
    }
    values[name] = value;
  }

  if (problems.length === 0) problems.push(...privateKeyProblems(integration, values));
  if (problems.length > 0) {
    throw new InvalidInput(
      `invalid connection: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      {
        details: { integration: integration.name, problems },
      },
    );
  }
  return values;
}

/** The JWTs the auth block signs (`assertion`, `client_auth: private_key_jwt`). */
function jwtSpecs(integration: CompiledIntegration): { spec: JwtSpec; where: string }[] {
  const auth = integration.definition.auth;
  const specs: { spec: JwtSpec; where: string }[] = [];
  if (auth.type === 'oauth2_jwt_bearer') specs.push({ spec: auth.assertion, where: 'auth.assertion' });
  if (
    (auth.type === 'oauth2_client_credentials' ||
      auth.type === 'oauth2_authorization_code' ||
      auth.type === 'oauth2_jwt_bearer') &&
    auth.token_request.client_auth?.type === 'private_key_jwt'
  )
    specs.push({ spec: auth.token_request.client_auth, where: 'auth.token_request.client_auth' });
  return specs;
}

/** A malformed key is the customer's mistake, found at link time rather than at the first token request. */
function privateKeyProblems(
  integration: CompiledIntegration,
  values: Record<string, string>,
): ConnectionProblem[] {
  const problems: ConnectionProblem[] = [];
  for (const { spec, where } of jwtSpecs(integration)) {
    try {
      privateKeyOf(spec.private_key, spec.algorithm ?? 'RS256', values, `${where}.private_key`);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      const field = fieldsOf(spec.private_key).join(', ');
      problems.push({ field, message: String(error.details['reason'] ?? 'is not a usable private key') });
    }
  }
  return problems;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
