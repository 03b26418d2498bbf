/**
 * Tools per shipped integration, generated from each file's capabilities: exactly the methods it offers, filters
 * named in descriptions and input schemas, and nothing written by hand per provider.
 */
import { randomBytes } from 'node:crypto';
import { createEngine, loadIntegrationDirectory } from '@switchboard/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_INTEGRATIONS_DIR } from '../server.js';
import { toolCatalog } from './tool-catalog.js';

const engine = createEngine({
  integrations: await loadIntegrationDirectory(DEFAULT_INTEGRATIONS_DIR),
  cursorSecret: randomBytes(32),
});
afterAll(() => engine.close());

const MODEL = 'user-directory';
const names = engine.integrations().map((integration) => integration.name);

describe('MCP tools per integration', () => {
  it('ships tools for every integration', () => {
    expect(names).toEqual(expect.arrayContaining(['onelogin', 'okta', 'entra']));
  });

  it.each(names)('%s: one tool per method the integration offers, filters named', (name) => {
    const capabilities = engine.capabilities(name);
    const tools = toolCatalog(name, capabilities, ['read', 'write']);
    const served = capabilities[MODEL] ?? {};
    for (const [resource, { methods, filters, expand }] of Object.entries(served)) {
      const forResource = tools.filter((tool) => tool.resource === resource);
      const expandSchema = (tool: (typeof tools)[number] | undefined) =>
        ((tool?.inputSchema['properties'] ?? {}) as Record<string, { items?: { enum?: string[] } }>)[
          'expand'
        ];
      for (const tool of forResource.filter((candidate) => ['list', 'get'].includes(candidate.method))) {
        expect(expandSchema(tool)?.items?.enum).toEqual(expand.length > 0 ? expand : undefined);
      }
      expect(forResource.map((tool) => tool.method).sort()).toEqual([...methods].sort());
      const list = forResource.find((tool) => tool.method === 'list');
      for (const filter of filters) {
        expect(list?.description).toContain(filter);
        expect(Object.keys((list?.inputSchema['properties'] ?? {}) as object)).toContain(filter);
      }
    }
    const readOnly = toolCatalog(name, capabilities, ['read']);
    expect(readOnly.every((tool) => tool.annotations.readOnlyHint)).toBe(true);
    expect(readOnly.length).toBeGreaterThan(0);
  });
});
