/**
 * @module The connect pages' static files, read once at start-up. Page assets are served under a content-hash
 * query (`?v=…`) so they can be cached for a year and still change on deploy; `connect.js` keeps one stable URL
 * for embedders, so it is cached briefly.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface Asset {
  body: string;
  contentType: string;
  /** Short content hash, used as the `v` query and as the ETag. */
  version: string;
}

export interface ConnectAssets {
  css: Asset;
  pageScript: Asset;
  embedScript: Asset;
}

const JS = 'text/javascript; charset=utf-8';

export async function loadAssets(): Promise<ConnectAssets> {
  const [css, pageScript, embedScript] = await Promise.all([
    load('connect.css', 'text/css; charset=utf-8'),
    load('connect-page.js', JS),
    load('connect.js', JS),
  ]);
  return { css, pageScript, embedScript };
}

/** Asset URLs relative to a page at `/connect/<token>`, so the plugin also works under a path prefix. */
export function pageAssetUrls(assets: ConnectAssets): { css: string; js: string } {
  return {
    css: `assets/connect.css?v=${assets.css.version}`,
    js: `assets/connect-page.js?v=${assets.pageScript.version}`,
  };
}

async function load(name: string, contentType: string): Promise<Asset> {
  const body = await readFile(new URL(`./assets/${name}`, import.meta.url), 'utf8');
  const version = createHash('sha256').update(body).digest('base64url').slice(0, 16);
  return { body, contentType, version };
}
