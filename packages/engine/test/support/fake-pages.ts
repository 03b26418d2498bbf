/**
 * @module Test-only: drive `paginate` against an in-memory upstream.
 */
import type { PaginationScheme } from '@switchboard/schema';
import { type Page, paginate } from '../../src/http/pagination/paginate.js';
import type { PagePosition } from '../../src/http/pagination/strategy.js';
import type { UpstreamRequest, UpstreamResponse } from '../../src/http/upstream.js';
import { compileYaml } from './compile-yaml.js';

export interface FakeAnswer {
  body?: unknown;
  headers?: Record<string, string>;
  url?: string;
}

/** Runs a scheme declared as YAML under `pagination: { s: ... }` against `answer(request, n)`. */
export async function readPages(
  schemeYaml: string,
  answer: (request: UpstreamRequest, n: number) => FakeAnswer,
  options: { start?: PagePosition; records?: (body: unknown) => unknown[]; credentialParams?: string[] } = {},
): Promise<{ pages: Page[]; requests: UpstreamRequest[] }> {
  const integration = compileYaml(`name: fake\npagination:\n  s:\n${indent(schemeYaml, 4)}\n`);
  const scheme = (integration.definition.pagination as Record<string, PaginationScheme>)['s'];
  const requests: UpstreamRequest[] = [];
  const pages: Page[] = [];
  for await (const page of paginate({
    first: { method: 'GET', path: '/items', query: { fixed: 'yes' } },
    scheme,
    context: {
      integration,
      pointer: '/pagination/s',
      label: 'items.list',
      ...(options.credentialParams ? { credentialParams: options.credentialParams } : {}),
    },
    start: options.start,
    send: async (request) => {
      requests.push(request);
      const reply = answer(request, requests.length);
      const response: UpstreamResponse = {
        status: 200,
        headers: reply.headers ?? {},
        body: reply.body ?? null,
        url: reply.url ?? new URL(request.path, 'https://api.example.test').toString(),
        durationMs: 1,
      };
      return response;
    },
    extract: async (response) =>
      options.records ? options.records(response.body) : ((response.body as unknown[]) ?? []),
  })) {
    pages.push(page);
  }
  return { pages, requests };
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .trim()
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

/** `count` records with ids `from`…; a page of a numbered collection. */
export function items(from: number, count: number): { id: number }[] {
  return Array.from({ length: count }, (_, i) => ({ id: from + i }));
}
