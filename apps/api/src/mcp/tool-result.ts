/**
 * @module What a tool call answers: the unified result as structured content (and as JSON text for clients that
 * read only text), or a tool error carrying the contract's error shape (`code`, `statusCode`, `message`, …).
 * Tool errors are results, not protocol errors, so an agent sees why a call failed and can correct it.
 */

/** The contract's error fields an agent needs; never a secret (the API's error bodies hold none). */
export interface ToolErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  remote?: unknown;
  is_remote_error?: boolean;
}

export interface ToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  structuredContent: Record<string, unknown>;
  isError?: true;
}

export function toolSuccess(value: Record<string, unknown>): ToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value };
}

export function toolFailure(body: ToolErrorBody): ToolResult {
  const error = { ...body } as Record<string, unknown>;
  return {
    content: [{ type: 'text', text: `${body.code}: ${body.message}` }],
    structuredContent: { error },
    isError: true,
  };
}
