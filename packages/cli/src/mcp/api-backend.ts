/**
 * @module The Unified API of one account over a running Switchboard API, through the SDK (its retries on 429 and
 * typed errors included): what `switchboard mcp` serves to a local agent.
 */
import type { ToolErrorBody, UnifiedBackend, UnifiedCapabilities } from '@switchboard/api';
import { type Switchboard, SwitchboardApiError, SwitchboardSdkError } from '@switchboard/sdk';

type Resource = {
  list(params: Record<string, unknown>): Promise<{ result: unknown[]; next_cursor: string | null }>;
  get(id: string, scope: { integrated_account_id: string }): Promise<unknown>;
  create(body: unknown, scope: { integrated_account_id: string }): Promise<unknown>;
  update(id: string, body: unknown, scope: { integrated_account_id: string }): Promise<unknown>;
  delete(id: string, scope: { integrated_account_id: string }): Promise<{ id: string }>;
};

/** `role_assignments` → `roleAssignments`, the SDK's property names. */
function camel(name: string): string {
  return name.replace(/[-_]([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

export function apiBackend(client: Switchboard, accountId: string): UnifiedBackend {
  const scope = { integrated_account_id: accountId };
  const resource = (model: string, name: string): Resource => {
    const area = (client.unified as unknown as Record<string, Record<string, Resource> | undefined>)[
      camel(model)
    ];
    const found = area?.[camel(name)];
    if (found === undefined) throw new Error(`the SDK has no unified resource ${model}/${name}`);
    return found;
  };
  let capabilities: Promise<{ integration: string; unified_models: UnifiedCapabilities }> | undefined;
  const describe = () => {
    capabilities ??= client.integratedAccounts.capabilities(accountId) as Promise<{
      integration: string;
      unified_models: UnifiedCapabilities;
    }>;
    return capabilities;
  };
  return {
    integration: async () => (await describe()).integration,
    capabilities: async () => (await describe()).unified_models,
    list: async (model, name, args) => {
      const page = await resource(model, name).list({
        ...scope,
        ...args.filters,
        ...(args.limit === undefined ? {} : { limit: args.limit }),
        ...(args.cursor === undefined ? {} : { next_cursor: args.cursor }),
        ...(args.expand === undefined ? {} : { expand: args.expand.join(',') }),
      });
      return {
        result: page.result as Record<string, unknown>[],
        next_cursor: page.next_cursor,
        result_count: page.result.length,
      };
    },
    get: async (model, name, id) => (await resource(model, name).get(id, scope)) as Record<string, unknown>,
    create: async (model, name, body) =>
      (await resource(model, name).create(body, scope)) as Record<string, unknown>,
    update: async (model, name, id, body) =>
      (await resource(model, name).update(id, body, scope)) as Record<string, unknown>,
    delete: (model, name, id) => resource(model, name).delete(id, scope),
  };
}

/** The API's error, as it answered it; anything else (no answer at all) as a 502-like failure. */
export function describeApiError(error: unknown): ToolErrorBody {
  if (error instanceof SwitchboardApiError) {
    return {
      statusCode: error.status,
      code: error.code,
      message: error.message,
      details: error.details,
      ...(error.remote === null ? {} : { remote: error.remote, is_remote_error: true }),
    };
  }
  if (error instanceof SwitchboardSdkError)
    return { statusCode: 502, code: error.code, message: error.message };
  return { statusCode: 500, code: 'SB_ERR_API_INTERNAL', message: 'internal error in switchboard mcp' };
}
