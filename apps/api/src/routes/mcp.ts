/**
 * @module `POST /mcp`: the Model Context Protocol over Streamable HTTP (stateless: one server per request, JSON
 * answers), authenticated with the environment's API key and scoped to one integrated account
 * (`?integrated_account_id=`). Tools come from the account's capabilities; write tools only with `tools=read,write`.
 * Another environment's account answers 404 before any MCP exchange, exactly like a missing one.
 */
import type { FastifyInstance } from 'fastify';
import { loadAccount } from '../account-access.js';
import { toErrorResponse } from '../error-response.js';
import { BadRequest, MethodNotAllowed } from '../errors.js';
import { engineBackend } from '../mcp/engine-backend.js';
import { type ToolAccess, toolCatalog } from '../mcp/tool-catalog.js';
import { callerOf } from '../request-context.js';
import { requestSignal } from '../request-signal.js';
import type { RouteDeps } from '../route-deps.js';
import { accountIdQuery, errors } from '../schemas/common.js';

interface McpQuery {
  integrated_account_id: string;
  tools?: string;
}

const VERSION = '0.1.0';

/**
 * The MCP SDK (with zod under it) and the server over it, loaded by the first MCP request rather than at start-up,
 * where they were a large share of the API's module loading. Kept: `import()` asks the module loader every time.
 */
let mcp: ReturnType<typeof loadMcp> | undefined;
async function loadMcp() {
  const [{ StreamableHTTPServerTransport }, { createMcpServer }] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/streamableHttp.js'),
    import('../mcp/mcp-server.js'),
  ]);
  return { StreamableHTTPServerTransport, createMcpServer };
}

const querystring = {
  type: 'object',
  required: ['integrated_account_id'],
  additionalProperties: false,
  properties: {
    integrated_account_id: accountIdQuery,
    tools: {
      type: 'string',
      enum: ['read', 'read,write', 'write,read'],
      default: 'read',
      description: 'Which tools to offer: `read` (default) or `read,write` (create, update, delete, assign).',
    },
  },
} as const;

export async function mcpRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  app.post<{ Querystring: McpQuery; Body: unknown }>(
    '/mcp',
    {
      schema: {
        tags: ['mcp'],
        summary: 'Model Context Protocol (Streamable HTTP) for one integrated account',
        description:
          "JSON-RPC over Streamable HTTP, stateless. Tools are generated from the account's capabilities: " +
          '`list_users`, `get_user`, `list_groups`, `list_roles`, `list_role_assignments`, `list_activities`, …; ' +
          'with `tools=read,write` also `create_user`, `update_user`, `delete_user`, `assign_role`, `unassign_role`, … ' +
          "Tool errors carry the contract's error `code`.",
        querystring,
        response: errors('SB_ERR_VALIDATION', 'SB_ERR_API_BAD_REQUEST', 'SB_ERR_NOT_FOUND'),
      },
    },
    async (request, reply) => {
      // JSON-RPC batches were dropped from MCP (2025-06-18); one message per request keeps each tool call
      // counted by the API key's rate limit.
      if (Array.isArray(request.body))
        throw new BadRequest('send one JSON-RPC message per request; batches are not supported');
      const caller = callerOf(request);
      const accountId = request.query.integrated_account_id;
      const account = await loadAccount(deps.store, caller, accountId);
      const access: ToolAccess[] = (request.query.tools ?? 'read').includes('write')
        ? ['read', 'write']
        : ['read'];
      const backend = engineBackend({
        engine: deps.engine,
        store: deps.store,
        log: request.log,
        caller,
        accountId,
        signal: requestSignal(reply),
      });
      const tools = toolCatalog(account.integration, deps.engine.capabilities(account.integration), access);
      // A failed import is not kept: the next request tries again instead of failing until a restart.
      mcp ??= loadMcp().catch((error: unknown) => {
        mcp = undefined;
        throw error;
      });
      const { StreamableHTTPServerTransport, createMcpServer } = await mcp;
      const server = createMcpServer({
        tools,
        backend,
        describeError: (error) => toErrorResponse(error).body,
        version: VERSION,
      });
      const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true });
      // No `sessionIdGenerator`: stateless, so any replica can answer any request.
      reply.hijack();
      reply.raw.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(request.raw, reply.raw, request.body);
    },
  );

  // Stateless: no server-initiated stream to open and no session to end.
  for (const method of ['GET', 'DELETE'] as const) {
    app.route({
      method,
      url: '/mcp',
      schema: {
        tags: ['mcp'],
        summary: `${method} is not used: the MCP endpoint is stateless`,
        response: errors('SB_ERR_API_METHOD_NOT_ALLOWED'),
      },
      handler: async (_request, reply) => {
        reply.header('allow', 'POST');
        throw new MethodNotAllowed(method, '/mcp');
      },
    });
  }
}
