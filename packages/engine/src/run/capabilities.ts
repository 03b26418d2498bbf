/**
 * @module What an integration supports, per unified model and resource: its methods and the filters its list
 * can apply (under any alternative).
 */
import type { UnifiedOperation } from '@switchboard/schema';
import type { CompiledIntegration } from '../config/compiled-integration.js';
import type { Capabilities } from './contract.js';
import { allFilters } from './resolve-operation.js';

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
      };
    }
    capabilities[model] = byResource;
  }
  return capabilities;
}
