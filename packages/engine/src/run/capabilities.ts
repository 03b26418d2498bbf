/**
 * @module What an integration supports, per unified model and resource: its methods, the filters its list
 * can apply (under any alternative) and the fields `expand` can ask for.
 */
import type { UnifiedOperation } from '@switchboard/schema';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import type { Capabilities } from './contract.js';

/** The opt-in enrichments of the list and get operations (any alternative); `always` ones need no asking. */
function expandable(operations: (UnifiedOperation | undefined)[]): string[] {
  const names = new Set<string>();
  for (const operation of operations) {
    for (const variant of [operation, ...(operation?.alternatives ?? [])]) {
      for (const [name, plan] of Object.entries(variant?.enrich ?? {})) if (!plan.always) names.add(name);
    }
  }
  return [...names];
}

export function capabilitiesOf(integration: CompiledIntegration): Capabilities {
  const capabilities: Capabilities = {};
  const models = (integration.definition.unified ?? {}) as Record<
    string,
    Record<string, Record<string, UnifiedOperation | undefined>>
  >;
  for (const [model, resources] of Object.entries(models)) {
    const byResource: Capabilities[string] = {};
    for (const [resource, methods] of Object.entries(resources ?? {})) {
      const list = methods['list'];
      byResource[resource] = {
        methods: Object.keys(methods).filter((method) => methods[method] !== undefined),
        filters: list ? allFilters(list) : [],
        expand: expandable([methods['list'], methods['get']]),
      };
    }
    capabilities[model] = byResource;
  }
  return capabilities;
}

/** Every filter an operation can apply under some alternative. */
function allFilters(operation: UnifiedOperation): string[] {
  const names = new Set(operation.filters ?? []);
  for (const alternative of operation.alternatives ?? [])
    for (const name of alternative.filters ?? []) names.add(name);
  return [...names];
}
