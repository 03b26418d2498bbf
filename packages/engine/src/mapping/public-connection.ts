/**
 * @module `$connection`: the account's connection values without the fields the integration marks secret,
 * so no mapping can copy a credential into a record, a body or a trace.
 */
import type { CompiledIntegration } from '../config/compiled-integration.js';

export function publicConnection(
  integration: CompiledIntegration,
  connection: Readonly<Record<string, string>>,
): Record<string, string> {
  const visible: Record<string, string> = {};
  for (const [name, value] of Object.entries(connection)) {
    if (!integration.secretFields.has(name)) visible[name] = value;
  }
  return visible;
}
