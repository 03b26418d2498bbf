/**
 * @module Connection field `default:`s. Applied when an account is linked (`checkConnection` stores them) and
 * again by the network layer, so an account linked before a default was added to the file still renders its
 * templates.
 */
import type { CompiledIntegration } from '../config/compiled-integration.js';

export function withConnectionDefaults(
  integration: CompiledIntegration,
  connection: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  let filled: Record<string, string> | undefined;
  for (const [name, field] of Object.entries(integration.definition.connection)) {
    if (field.default === undefined) continue;
    const value = connection[name];
    if (value !== undefined && value.trim() !== '') continue;
    filled ??= { ...connection };
    filled[name] = field.default;
  }
  return filled ?? connection;
}
