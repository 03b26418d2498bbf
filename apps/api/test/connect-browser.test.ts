/**
 * The connect flow in a real browser: a product page on another origin embeds /connect.js, the customer fills
 * the popup (a wrong secret first, then the right one), and the product page receives the account id.
 * Needs Debian's chromium (`apt-get install -y chromium`); without it the suite is skipped, loudly.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectHarness, startConnectHarness } from './connect-harness.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const OUTPUT = fileURLToPath(new URL('../test-output/', import.meta.url));

if (!available) {
  console.warn(
    [
      '',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      `!! connect browser test SKIPPED: no chromium at ${CHROMIUM}`,
      '!! install it with `apt-get install -y chromium` (or set CHROMIUM_PATH) to run it.',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '',
    ].join('\n'),
  );
}

/** The product's own page: loads connect.js from Switchboard and shows what Switchboard.connect settled with. */
function productPage(apiUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Product</title>
<script src="${apiUrl}/connect.js"></script></head><body>
<button id="connect">Connect OneLogin</button><output id="result"></output>
<script>
document.getElementById('connect').addEventListener('click', () => {
  const result = document.getElementById('result');
  Switchboard.connect({ linkToken: new URLSearchParams(location.search).get('token') }).then(
    (id) => { result.textContent = 'connected:' + id; },
    (error) => { result.textContent = 'error:' + error.code; },
  );
});
</script></body></html>`;
}

describe.skipIf(!available)('connect page in a browser', () => {
  let h: ConnectHarness;
  let product: FastifyInstance;
  let apiUrl: string;
  let productUrl: string;
  let browser: Browser;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    h = await startConnectHarness();
    apiUrl = await h.app.listen({ port: 0, host: '127.0.0.1' });
    product = Fastify();
    product.get('/', async (_request, reply) => reply.type('text/html').send(productPage(apiUrl)));
    const productAddress = await product.listen({ port: 0, host: '127.0.0.1' });
    // `localhost` vs `127.0.0.1`: the product page is another site, as in production.
    productUrl = productAddress.replace('127.0.0.1', 'localhost');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await product?.close();
    await h?.close();
  });

  async function openProduct(token: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${productUrl}/?token=${encodeURIComponent(token)}`);
    return page;
  }

  /** What `Switchboard.connect` settled with, once it has. */
  async function settled(page: Page): Promise<string> {
    const result = page.locator('#result:not(:empty)');
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }

  async function clickConnect(page: Page): Promise<Page> {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#connect')]);
    popup.on('console', (message) => {
      if (/Content.Security.Policy|Trusted Type/i.test(message.text())) cspViolations.push(message.text());
    });
    await popup.waitForLoadState();
    return popup;
  }

  it('connects: wrong secret first (error shown, values kept), then the right one', async () => {
    const token = await h.linkToken({ tenantId: 'browser-customer' });
    const page = await openProduct(token);
    const popup = await clickConnect(page);

    expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Connect your OneLogin account',
    );
    await popup.getByLabel('Subdomain', { exact: true }).fill('acme');
    await popup.getByLabel('Client ID', { exact: true }).fill('sim-client-id');
    await popup.getByLabel('Client secret', { exact: true }).fill('not-the-secret');
    await popup.screenshot({ path: `${OUTPUT}connect-form.png`, fullPage: true });
    await popup.getByRole('button', { name: 'Connect OneLogin' }).click();

    await popup.getByRole('alert').waitFor();
    expect(await popup.getByRole('alert').textContent()).toContain(
      'OneLogin did not accept these credentials',
    );
    expect(await popup.getByLabel('Subdomain', { exact: true }).inputValue()).toBe('acme');
    expect(await popup.getByLabel('Client ID', { exact: true }).inputValue()).toBe('sim-client-id');
    expect(await popup.getByLabel('Client secret', { exact: true }).inputValue()).toBe('');
    await popup.screenshot({ path: `${OUTPUT}connect-form-refused.png`, fullPage: true });

    await popup.getByLabel('Client secret', { exact: true }).fill('sim-client-secret');
    await Promise.all([
      popup.waitForEvent('close'),
      popup.getByRole('button', { name: 'Connect OneLogin' }).click(),
    ]);

    const result = await settled(page);
    expect(result).toMatch(/^connected:ia_/);
    const account = await h.store.accounts.get(h.environment.id, result.slice('connected:'.length));
    expect(account).toMatchObject({ tenant_id: 'browser-customer', status: 'active' });
    expect(await h.store.linkTokens.peek(token)).toBeUndefined();
    expect(cspViolations).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows field problems inline before anything is sent', async () => {
    const page = await openProduct(await h.linkToken());
    const popup = await clickConnect(page);
    await popup.getByLabel('Subdomain', { exact: true }).fill('https://acme.onelogin.com/');
    await popup.getByRole('button', { name: 'Connect OneLogin' }).click();
    // The pasted address is reduced to the subdomain; the empty required fields are flagged.
    expect(await popup.getByLabel('Subdomain', { exact: true }).inputValue()).toBe('acme');
    expect(await popup.getByLabel('Client ID', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await popup.locator('#field-client_id-error').textContent()).toBe('Enter your Client ID.');
    await popup.close();
    await page.close();
  }, 60_000);

  it('rejects when the customer closes the popup', async () => {
    const page = await openProduct(await h.linkToken());
    const popup = await clickConnect(page);
    await popup.close();
    expect(await settled(page)).toBe('error:SB_ERR_CONNECT_CLOSED');
    await page.close();
  }, 60_000);
});
