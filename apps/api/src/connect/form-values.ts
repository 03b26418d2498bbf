/**
 * @module What the customer typed, read from the posted form for the declared fields only (anything else in the
 * body is ignored), tidied the way people expect: surrounding spaces dropped, and a pasted prefix or suffix
 * (`https://acme.onelogin.com` for a subdomain) reduced to the part the field asks for. Empty fields are left
 * out so the engine reports missing required values itself.
 */
import type { ConnectionField } from '@switchboard/schema';

export type DeclaredFields = Readonly<Record<string, ConnectionField>>;

export function readConnection(fields: DeclaredFields, body: Record<string, string>): Record<string, string> {
  const connection: Record<string, string> = {};
  for (const [name, field] of Object.entries(fields)) {
    const given = Object.hasOwn(body, name) ? body[name] : undefined;
    if (given === undefined) continue;
    const value = field.secret === true ? given.trim() : withoutAffixes(field, given.trim());
    if (value !== '') connection[name] = value;
  }
  return connection;
}

/** The values to put back into the form after a failed attempt: everything but secrets. */
export function retypedValues(
  fields: DeclaredFields,
  connection: Record<string, string>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, field] of Object.entries(fields)) {
    const value = connection[name];
    if (field.secret !== true && value !== undefined) kept[name] = value;
  }
  return kept;
}

function withoutAffixes(field: ConnectionField, value: string): string {
  let result = value;
  const { prefix, suffix } = field;
  if (prefix !== undefined && prefix !== '' && result.toLowerCase().startsWith(prefix.toLowerCase())) {
    result = result.slice(prefix.length);
  }
  if (suffix !== undefined && suffix !== '') {
    result = result.replace(/\/+$/, '');
    if (result.toLowerCase().endsWith(suffix.toLowerCase())) result = result.slice(0, -suffix.length);
  }
  return result;
}
