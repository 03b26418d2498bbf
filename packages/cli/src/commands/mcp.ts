/**
 * @module `switchboard mcp` — the MCP tools of one integrated account over stdio, for local agents (Claude
 * Desktop, IDEs). It talks to a running Switchboard API with an API key, so it needs no database or secrets of
 * its own. Standard output carries the protocol; everything else goes to standard error.
 */

import { type ToolAccess, toolCatalog } from '@switchboard/api';
import { Switchboard } from '@switchboard/sdk';
import { type Command, type CommandIo, EXIT } from '../command.js';
import { apiBackend, describeApiError } from '../mcp/api-backend.js';

const USAGE = `Usage: switchboard mcp [--url URL] [--account ID] [--tools read|read,write]

Serves one integrated account's unified tools (list_users, get_user, …) over MCP on stdio.
  --url URL        the Switchboard API (default: $SWITCHBOARD_URL or http://127.0.0.1:8080)
  --account ID     the integrated account (default: $SWITCHBOARD_INTEGRATED_ACCOUNT_ID)
  --tools ACCESS   read (default) or read,write to offer create/update/delete tools ($SWITCHBOARD_MCP_TOOLS)
The API key comes from $SWITCHBOARD_API_KEY only, so it never shows in a process list.`;

interface McpOptions {
  url: string;
  account: string | undefined;
  tools: string;
}

function parse(args: string[], env: NodeJS.ProcessEnv): McpOptions | string {
  const options: McpOptions = {
    url: env['SWITCHBOARD_URL'] ?? 'http://127.0.0.1:8080',
    account: env['SWITCHBOARD_INTEGRATED_ACCOUNT_ID'],
    tools: env['SWITCHBOARD_MCP_TOOLS'] ?? 'read',
  };
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    const value = args[i + 1];
    if (value === undefined) return `${flag} needs a value`;
    if (flag === '--url') options.url = value;
    else if (flag === '--account') options.account = value;
    else if (flag === '--tools') options.tools = value;
    else return `unknown option ${flag}`;
    i += 1;
  }
  if (!['read', 'read,write', 'write,read'].includes(options.tools))
    return `--tools must be read or read,write`;
  return options;
}

async function run(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const options = parse(args, process.env);
  if (typeof options === 'string') {
    io.err(`switchboard mcp: ${options}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const apiKey = process.env['SWITCHBOARD_API_KEY'];
  if (!apiKey || options.account === undefined) {
    io.err(
      `switchboard mcp: set SWITCHBOARD_API_KEY and the account (--account or SWITCHBOARD_INTEGRATED_ACCOUNT_ID)\n\n${USAGE}`,
    );
    return EXIT.usage;
  }
  const backend = apiBackend(new Switchboard({ apiKey, baseUrl: options.url }), options.account);
  let integration: string;
  let capabilities: Awaited<ReturnType<typeof backend.capabilities>>;
  try {
    [integration, capabilities] = await Promise.all([backend.integration(), backend.capabilities()]);
  } catch (error) {
    const problem = describeApiError(error);
    io.err(
      `switchboard mcp: cannot read account ${options.account} at ${options.url}: ${problem.message} [${problem.code}]`,
    );
    return EXIT.problems;
  }
  const access: ToolAccess[] = options.tools.includes('write') ? ['read', 'write'] : ['read'];
  const tools = toolCatalog(integration, capabilities, access);
  // The MCP SDK is imported here, not by every `switchboard` command (`serve` never needs it).
  const [{ StdioServerTransport }, { createMcpServer }] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/stdio.js'),
    import('@switchboard/api/mcp'),
  ]);
  const server = createMcpServer({ tools, backend, describeError: describeApiError, version: '0.1.0' });
  const closed = new Promise<void>((resolve) => {
    server.onclose = resolve;
  });
  await server.connect(new StdioServerTransport());
  io.err(`switchboard mcp: ${tools.length} tools for ${integration} account ${options.account} on stdio`);
  await closed;
  return EXIT.ok;
}

export const mcp: Command = {
  name: 'mcp',
  synopsis: 'mcp [--url URL] [--account ID] [--tools read|read,write]',
  summary: "Serve one integrated account's unified tools over MCP (stdio) for local agents",
  run,
};
