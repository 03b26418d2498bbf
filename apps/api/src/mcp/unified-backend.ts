/**
 * @module What MCP tools call: the Unified API of one integrated account, whatever carries it. The API serves
 * tools over the engine in-process (`engine-backend.ts`); `switchboard mcp` serves them over the hosted API.
 */

/** The account's unified capabilities by model, then resource (as `GET /integrated-accounts/:id/capabilities`). */
export type UnifiedCapabilities = Record<
  string,
  Record<string, { methods: string[]; filters: string[]; expand?: string[] }>
>;

export interface ListArguments {
  limit?: number;
  cursor?: string;
  filters: Record<string, string>;
  /** Fields that cost extra upstream calls, asked for by name (`groups`, `roles`). */
  expand?: string[];
}

export interface ListPage {
  result: Record<string, unknown>[];
  next_cursor: string | null;
  result_count: number;
}

/** One integrated account's Unified API. Every method throws the API's coded errors (`code`, `statusCode`). */
export interface UnifiedBackend {
  /** The integration the account belongs to, e.g. `okta`. */
  integration(): Promise<string>;
  capabilities(): Promise<UnifiedCapabilities>;
  list(model: string, resource: string, args: ListArguments): Promise<ListPage>;
  get(model: string, resource: string, id: string, expand?: string[]): Promise<Record<string, unknown>>;
  create(model: string, resource: string, body: Record<string, unknown>): Promise<Record<string, unknown>>;
  update(
    model: string,
    resource: string,
    id: string,
    body: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
  delete(model: string, resource: string, id: string): Promise<{ id: string }>;
}
