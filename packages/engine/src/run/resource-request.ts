/**
 * @module A resource method → the upstream request: `path`, `query` and `headers` templates rendered with the
 * account's connection, `{{ id }}`, `{{ parent.<field> }}` and named placeholders such as `{{ user_id }}`
 * (URL-encoded inside the path).
 */
import { InvalidInput } from '../errors.js';
import type { UpstreamRequest } from '../http/upstream.js';
import { MissingTemplateValue, renderTemplate, type TemplateScope } from '../mapping/template.js';
import type { CallTarget } from './call-target.js';
import type { OperationContext } from './operation-context.js';
import { RESERVED_PLACEHOLDERS } from './upstream-address.js';

export interface RequestScope {
  id?: string | undefined;
  parent?: unknown;
  /** Named placeholders (`{{ user_id }}`), from an `id:` expression's parts or proxy query parameters. */
  named?: Record<string, string> | undefined;
}

export function resourceRequest(
  context: OperationContext,
  target: CallTarget,
  scope: RequestScope = {},
): UpstreamRequest {
  const { definition } = target;
  const templateScope: TemplateScope = {};
  for (const [name, value] of Object.entries(scope.named ?? {}))
    if (!RESERVED_PLACEHOLDERS.has(name)) templateScope[name] = value;
  templateScope['connection'] = context.account.connection;
  if (scope.id !== undefined) templateScope['id'] = scope.id;
  if (scope.parent !== undefined) templateScope['parent'] = scope.parent;
  try {
    const request: UpstreamRequest = {
      method: definition.method,
      path: renderTemplate(definition.path, templateScope, { encode: encodeURIComponent }),
      label: target.label,
    };
    if (definition.query) request.query = renderMap(definition.query, templateScope);
    if (definition.headers) request.headers = renderMap(definition.headers, templateScope);
    return request;
  } catch (error) {
    if (!(error instanceof MissingTemplateValue)) throw error;
    throw new InvalidInput(`${target.label} needs a value for {{ ${error.reference} }}`, {
      cause: error,
      details: { resource: target.resource, method: target.method, missing: error.reference },
    });
  }
}

function renderMap(
  templates: Readonly<Record<string, string>>,
  scope: TemplateScope,
): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [name, template] of Object.entries(templates)) rendered[name] = renderTemplate(template, scope);
  return rendered;
}
