/**
 * @module An MCP server over one integrated account's Unified API: `tools/list` answers the generated catalog,
 * `tools/call` checks the arguments against the tool's input schema and calls the backend. Transport-agnostic:
 * the API connects it to Streamable HTTP per request, `switchboard mcp` to stdio.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { Ajv, type ValidateFunction } from 'ajv';
import type { McpTool } from './tool-catalog.js';
import { type ToolErrorBody, type ToolResult, toolFailure, toolSuccess } from './tool-result.js';
import type { UnifiedBackend } from './unified-backend.js';

export interface McpServerOptions {
  tools: readonly McpTool[];
  backend: UnifiedBackend;
  /** Turns whatever the backend threw into the contract's error fields. */
  describeError: (error: unknown) => ToolErrorBody;
  version: string;
}

const ajv = new Ajv({ allErrors: true, strict: false });

/**
 * @example
 * const server = createMcpServer({ tools, backend, describeError, version: '0.1.0' });
 * await server.connect(new StdioServerTransport());
 */
export function createMcpServer(options: McpServerOptions): Server {
  const server = new Server(
    { name: 'switchboard', version: options.version },
    {
      capabilities: { tools: {} },
      instructions:
        "Tools read and change one linked identity-provider account through Switchboard's Unified API " +
        '(users, groups, roles, role assignments, activities). Lists are paged: pass `next_cursor` back as `cursor`.',
    },
  );
  const byName = new Map(options.tools.map((tool) => [tool.name, tool]));
  const validators = new Map<string, ValidateFunction>();

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: options.tools.map(({ name, description, inputSchema, annotations }) => ({
      name,
      description,
      inputSchema,
      annotations,
    })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<ToolResult> => {
    const tool = byName.get(request.params.name);
    if (tool === undefined) {
      return toolFailure({
        statusCode: 404,
        code: 'SB_ERR_NOT_FOUND',
        message: `no tool named ${request.params.name} for this account; tools/list names those it has`,
      });
    }
    const args = request.params.arguments ?? {};
    const validate = validators.get(tool.name) ?? ajv.compile(tool.inputSchema);
    validators.set(tool.name, validate);
    if (!validate(args)) {
      return toolFailure({
        statusCode: 400,
        code: 'SB_ERR_VALIDATION',
        message: `invalid arguments for ${tool.name}: ${ajv.errorsText(validate.errors, { dataVar: 'arguments' })}`,
      });
    }
    try {
      return toolSuccess(await callTool(options.backend, tool, args));
    } catch (error) {
      return toolFailure(options.describeError(error));
    }
  });
  return server;
}

async function callTool(
  backend: UnifiedBackend,
  tool: McpTool,
  args: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const { model, resource } = tool;
  switch (tool.method) {
    case 'list': {
      const { limit, cursor, expand, ...filters } = args;
      const page = await backend.list(model, resource, {
        filters: filters as Record<string, string>,
        ...(Array.isArray(expand) ? { expand: expand as string[] } : {}),
        ...(typeof limit === 'number' ? { limit } : {}),
        ...(typeof cursor === 'string' ? { cursor } : {}),
      });
      return { ...page };
    }
    case 'get': {
      const expand = args['expand'];
      return backend.get(
        model,
        resource,
        String(args['id']),
        Array.isArray(expand) ? (expand as string[]) : undefined,
      );
    }
    case 'create':
      return backend.create(model, resource, args);
    case 'update': {
      const { id, ...body } = args;
      return backend.update(model, resource, String(id), body);
    }
    case 'delete':
      return backend.delete(model, resource, String(args['id']));
  }
}
