/**
 * @module The capability tables of `integrations/README.md`: per integration, its unified resources × methods
 * (✓), the filters each list honours (any other answers 400) and the fields `expand` can ask for, then its proxy
 * resources and their methods.
 */
import type { IntegrationCapabilities } from './integration-capabilities.js';
import { markdownTable } from './markdown-table.js';

/** The unified methods in the order a reader expects; any other method the engine reports follows them. */
const METHOD_ORDER = ['list', 'get', 'create', 'update', 'delete'];

export function renderCapabilityTables(integrations: readonly IntegrationCapabilities[]): string {
  return integrations.map(renderIntegration).join('\n\n');
}

function renderIntegration(integration: IntegrationCapabilities): string {
  const parts = [`### ${integration.label} (\`${integration.name}\`)`];
  for (const [model, resources] of Object.entries(integration.unified)) {
    parts.push(`Unified \`${model}\`:`, unifiedTable(resources));
  }
  parts.push(
    'Proxy resources (`/proxy/<resource>`):',
    markdownTable(
      ['resource', 'methods'],
      Object.entries(integration.proxy).map(([name, methods]) => [`\`${name}\``, methods.join(', ')]),
    ),
  );
  return parts.join('\n\n');
}

type ResourceCapabilities = IntegrationCapabilities['unified'][string][string];

function unifiedTable(resources: Record<string, ResourceCapabilities>): string {
  const entries = Object.entries(resources);
  const reported = new Set(entries.flatMap(([, capabilities]) => capabilities.methods));
  const methods = [
    ...METHOD_ORDER.filter((method) => reported.has(method)),
    ...[...reported].filter((method) => !METHOD_ORDER.includes(method)),
  ];
  // An engine that does not report `expand` gets no column for it.
  const withExpand = entries.some(([, capabilities]) => 'expand' in capabilities);
  const header = ['resource', ...methods, 'filters', ...(withExpand ? ['expand'] : [])];
  const rows = entries.map(([name, capabilities]) => [
    name,
    ...methods.map((method) => (capabilities.methods.includes(method) ? '✓' : '')),
    codeList(capabilities.filters),
    ...(withExpand ? [codeList((capabilities as { expand?: string[] }).expand ?? [])] : []),
  ]);
  return markdownTable(header, rows);
}

function codeList(names: readonly string[]): string {
  return names.length === 0 ? '–' : names.map((name) => `\`${name}\``).join(', ');
}
