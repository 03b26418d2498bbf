/**
 * @module The MCP tools of one integrated account, generated from its capabilities and the unified models: no
 * per-provider code. A resource the account's integration serves gets `list_*`/`get_*` tools (read); with write
 * tools asked for, `create_*`/`update_*`/`delete_*` too (`assign_role`/`unassign_role` for role assignments).
 */
import { UNIFIED_MODELS, type UnifiedModelSpec } from '../schemas/unified-models.js';
import type { UnifiedCapabilities } from './unified-backend.js';

export type ToolAccess = 'read' | 'write';
export type ToolMethod = 'list' | 'get' | 'create' | 'update' | 'delete';

/** MCP tool annotations (hints a client shows before letting an agent call the tool). */
export interface ToolAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export interface McpTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown> & { type: 'object' };
  annotations: ToolAnnotations;
  /** What the tool calls. */
  model: string;
  resource: string;
  method: ToolMethod;
}

const SINGULAR: Record<string, string> = {
  users: 'user',
  groups: 'group',
  roles: 'role',
  role_assignments: 'role_assignment',
  activities: 'activity',
};

/** Names an agent understands better than `create_role_assignment`. */
const TOOL_NAMES: Record<string, Partial<Record<ToolMethod, string>>> = {
  role_assignments: { create: 'assign_role', delete: 'unassign_role' },
};

const READ_METHODS: readonly ToolMethod[] = ['list', 'get'];
const WRITE_METHODS: readonly ToolMethod[] = ['create', 'update', 'delete'];

/** A filter's schema as the model defines it (closed enums list their values, dates say so). */
function filterSchema(model: UnifiedModelSpec, resource: string, filter: string): Record<string, unknown> {
  return { minLength: 1, ...(model.resources[resource]?.filterSchemas[filter] ?? { type: 'string' }) };
}

function singular(resource: string): string {
  return SINGULAR[resource] ?? resource;
}

function toolName(resource: string, method: ToolMethod): string {
  const named = TOOL_NAMES[resource]?.[method];
  if (named !== undefined) return named;
  return method === 'list' ? `list_${resource}` : `${method}_${singular(resource)}`;
}

function humanName(resource: string): string {
  return resource.replaceAll('_', ' ');
}

/**
 * The tools of an account whose integration is `integration`, with these capabilities.
 *
 * @example
 * const tools = toolCatalog('okta', capabilities, ['read']); // list_users, get_user, list_groups, …
 */
export function toolCatalog(
  integration: string,
  capabilities: UnifiedCapabilities,
  access: readonly ToolAccess[],
): McpTool[] {
  const methods = [...READ_METHODS, ...(access.includes('write') ? WRITE_METHODS : [])];
  const tools: McpTool[] = [];
  for (const model of UNIFIED_MODELS) {
    const served = capabilities[model.name] ?? {};
    for (const [resource, spec] of Object.entries(model.resources)) {
      const capability = served[resource];
      if (capability === undefined) continue;
      for (const method of methods) {
        if (!capability.methods.includes(method)) continue;
        const filters = capability.filters.filter((filter) => spec.filters.includes(filter));
        tools.push(buildTool(integration, model, resource, method, filters, capability.expand ?? []));
      }
    }
  }
  return tools;
}

function buildTool(
  integration: string,
  model: UnifiedModelSpec,
  resource: string,
  method: ToolMethod,
  filters: readonly string[],
  expand: readonly string[],
): McpTool {
  const name = toolName(resource, method);
  const one = humanName(singular(resource));
  const many = humanName(resource);
  const base = { name, model: model.name, resource, method };
  switch (method) {
    case 'list':
      return {
        ...base,
        description:
          `List ${many} of this ${integration} account, one page at a time (unified shape). ` +
          (filters.length > 0
            ? `Filters ${integration} honours: ${filters.join(', ')}. `
            : `${integration} honours no filters here. `) +
          'Pass `next_cursor` from the previous page as `cursor` to read the next page; it is null on the last page.',
        inputSchema: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 200, description: 'Records per page.' },
            cursor: {
              type: 'string',
              description: 'The `next_cursor` of the previous page, exactly as returned.',
            },
            ...expandProperty(expand),
            ...Object.fromEntries(filters.map((filter) => [filter, filterSchema(model, resource, filter)])),
          },
        },
        annotations: annotations(`List ${many}`, 'read'),
      };
    case 'get':
      return {
        ...base,
        description: `Get one ${one} of this ${integration} account by id (unified shape).`,
        inputSchema: { ...idSchema(one), properties: { id: idProperty(one), ...expandProperty(expand) } },
        annotations: annotations(`Get a ${one}`, 'read'),
      };
    case 'create':
      return {
        ...base,
        description:
          resource === 'role_assignments'
            ? `Assign a role to a user in this ${integration} account.`
            : `Create a ${one} in this ${integration} account; answers the created record (unified shape).`,
        inputSchema: bodySchema(model, model.resources[resource]?.create),
        annotations: annotations(
          resource === 'role_assignments' ? 'Assign a role' : `Create a ${one}`,
          'create',
        ),
      };
    case 'update':
      return {
        ...base,
        description:
          `Change fields of one ${one} in this ${integration} account; fields not given stay as they are.` +
          (resource === 'users'
            ? ' `status` may be set to `suspended`, `locked` or `active` (activate, reactivate or unlock).'
            : ''),
        inputSchema: updateSchema(model, model.resources[resource]?.update, one),
        annotations: annotations(`Update a ${one}`, 'update'),
      };
    case 'delete':
      return {
        ...base,
        description:
          resource === 'role_assignments'
            ? `Remove a role from a user in this ${integration} account (the assignment id from list_role_assignments).`
            : `Delete one ${one} from this ${integration} account. This cannot be undone.`,
        inputSchema: idSchema(one),
        annotations: annotations(
          resource === 'role_assignments' ? 'Unassign a role' : `Delete a ${one}`,
          'delete',
        ),
      };
  }
}

function annotations(title: string, kind: 'read' | 'create' | 'update' | 'delete'): ToolAnnotations {
  return {
    title,
    readOnlyHint: kind === 'read',
    // An update may suspend a user or drop their roles: destructive in MCP's sense, like a delete.
    destructiveHint: kind === 'update' || kind === 'delete',
    idempotentHint: kind !== 'create',
    openWorldHint: true,
  };
}

/** `expand`, where the integration has fields that cost one extra upstream call per record. */
function expandProperty(expand: readonly string[]): Record<string, unknown> {
  if (expand.length === 0) return {};
  return {
    expand: {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', enum: [...expand] },
      description: `Fields that cost one extra upstream call per record: ${expand.join(', ')}.`,
    },
  };
}

function idProperty(one: string): Record<string, unknown> {
  return { type: 'string', minLength: 1, description: `The ${one}'s id.` };
}

function idSchema(one: string): McpTool['inputSchema'] {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: { id: idProperty(one) },
  };
}

function bodySchema(model: UnifiedModelSpec, component: string | undefined): McpTool['inputSchema'] {
  const schema = component === undefined ? undefined : model.schemas[component];
  if (schema === undefined) return { type: 'object', additionalProperties: true };
  return { ...schema, type: 'object' };
}

/** The update body's fields next to the record's `id` (an update schema never names `id`). */
function updateSchema(
  model: UnifiedModelSpec,
  component: string | undefined,
  one: string,
): McpTool['inputSchema'] {
  const body = bodySchema(model, component);
  const properties = (body['properties'] ?? {}) as Record<string, unknown>;
  const { required: _required, minProperties: _min, ...rest } = body;
  return {
    ...rest,
    type: 'object',
    required: ['id'],
    properties: { id: idProperty(one), ...properties },
  };
}
