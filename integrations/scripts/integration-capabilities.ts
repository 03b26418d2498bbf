/**
 * @module What each shipped integration can do, as the engine itself reports it: `engine.capabilities(name)`
 * (unified resources, methods, filters, expandable fields) for every file of the folder, plus its proxy
 * resources. Nothing here restates a file: a change to a YAML file changes this output.
 */
import type { Capabilities, CompiledIntegration } from '@switchboard/engine';
import { createEngine, loadIntegrationDirectory } from '@switchboard/engine';
import { proxyMethodsOf } from './proxy-methods.js';

export interface IntegrationCapabilities {
  name: string;
  label: string;
  /** By model, then resource: `{ methods, filters, expand? }`, straight from the engine. */
  unified: Capabilities;
  /** Proxy resource → the methods it answers. */
  proxy: Record<string, string[]>;
}

/** The capabilities of every integration file in `dir`, in name order. No network call is made. */
export async function capabilitiesOfDirectory(dir: string): Promise<IntegrationCapabilities[]> {
  const integrations = await loadIntegrationDirectory(dir);
  // The engine is created only to ask it; a throwaway secret is enough since no cursor is ever signed.
  const engine = createEngine({ integrations, cursorSecret: new Uint8Array(32) });
  try {
    return [...integrations]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((integration) => ({
        name: integration.name,
        label: integration.definition.label,
        unified: engine.capabilities(integration.name),
        proxy: proxyResourcesOf(integration),
      }));
  } finally {
    await engine.close();
  }
}

export function proxyResourcesOf(integration: CompiledIntegration): Record<string, string[]> {
  const proxy: Record<string, string[]> = {};
  for (const [name, resource] of Object.entries(integration.definition.resources)) {
    proxy[name] = proxyMethodsOf(resource);
  }
  return proxy;
}
