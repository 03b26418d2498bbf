/**
 * @module How an integration is described to API callers (`GET /integrations`): its name, label, category,
 * unified resources and the connection form, never its internals.
 */
import type { Capabilities, CompiledIntegration } from '@switchboard/engine';

export interface ConnectionFieldSummary {
  name: string;
  label: string;
  type: string;
  secret: boolean;
  required: boolean;
  /** Used when the customer leaves the field out (the field is then not required). */
  default?: string;
  help?: string;
  placeholder?: string;
  pattern?: string;
  prefix?: string;
  suffix?: string;
}

export interface IntegrationSummary {
  name: string;
  label: string;
  category: string | null;
  unified_models: Record<string, string[]>;
  /** By model, then resource: the fields `expand=` can ask for (only resources that have some). */
  expandable: Record<string, Record<string, string[]>>;
  proxy_resources: string[];
  connection_fields: ConnectionFieldSummary[];
}

export function summarizeIntegration(
  integration: CompiledIntegration,
  capabilities: Capabilities,
): IntegrationSummary {
  const definition = integration.definition;
  const unified_models: Record<string, string[]> = {};
  for (const [model, resources] of Object.entries(definition.unified ?? {})) {
    unified_models[model] = Object.keys(resources ?? {});
  }
  const expandable: Record<string, Record<string, string[]>> = {};
  for (const [model, resources] of Object.entries(capabilities)) {
    for (const [resource, capability] of Object.entries(resources)) {
      if (capability.expand.length === 0) continue;
      expandable[model] ??= {};
      expandable[model][resource] = capability.expand;
    }
  }
  const connection_fields = Object.entries(definition.connection).map(([name, field]) => ({
    name,
    label: field.label,
    type: field.type ?? 'string',
    secret: field.secret === true,
    required: field.required !== false && field.default === undefined,
    ...(field.default === undefined ? {} : { default: field.default }),
    ...(field.help === undefined ? {} : { help: field.help }),
    ...(field.placeholder === undefined ? {} : { placeholder: field.placeholder }),
    ...(field.pattern === undefined ? {} : { pattern: field.pattern }),
    ...(field.prefix === undefined ? {} : { prefix: field.prefix }),
    ...(field.suffix === undefined ? {} : { suffix: field.suffix }),
  }));
  return {
    name: integration.name,
    label: definition.label,
    category: definition.category ?? null,
    unified_models,
    expandable,
    proxy_resources: Object.keys(definition.resources),
    connection_fields,
  };
}
