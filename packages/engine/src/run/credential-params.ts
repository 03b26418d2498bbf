/**
 * @module Query parameters that carry credentials (an `api_key` or a token injected in the query). Next
 * links are stripped of them so cursors never hold a credential.
 */
import type { CompiledIntegration } from '../config/compiled-integration.js';

export function credentialParams(integration: CompiledIntegration): string[] {
  const auth = integration.definition.auth as {
    type: string;
    in?: string;
    name?: string;
    inject?: { in?: string; name?: string };
  };
  const names: string[] = [];
  if (auth.type === 'api_key' && auth.in === 'query' && auth.name) names.push(auth.name);
  if (auth.inject?.in === 'query' && auth.inject.name) names.push(auth.inject.name);
  return names;
}
