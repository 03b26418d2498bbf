/**
 * The connect form is not a credential-testing oracle (issue 16, item 2): failed submissions are capped per link
 * token, after which even the right credentials are refused and a new link is needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectHarness, startConnectHarness } from './connect-harness.js';

const GOOD = { subdomain: 'acme', client_id: 'sim-client-id', client_secret: 'sim-client-secret' };
const MAX_FAILED_ATTEMPTS = 5;

let h: ConnectHarness;
beforeAll(async () => {
  h = await startConnectHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Submits `fields` with the CSRF pair of the page it last got (the form re-issues one on every render). */
function formSession(token: string) {
  let auth = { csrf: '', cookie: '' };
  const remember = (body: string, setCookie: unknown) => {
    auth = {
      csrf: /name="csrf_token" value="([^"]+)"/.exec(body)?.[1] ?? '',
      cookie: String(setCookie ?? '').split(';')[0] ?? '',
    };
  };
  return {
    async open() {
      const response = await h.app.inject({ method: 'GET', url: `/connect/${token}` });
      remember(response.body, response.headers['set-cookie']);
    },
    async submit(fields: Record<string, string>) {
      const form = new URLSearchParams({ ...fields, csrf_token: auth.csrf });
      const response = await h.app.inject({
        method: 'POST',
        url: `/connect/${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: auth.cookie },
        payload: form.toString(),
      });
      remember(response.body, response.headers['set-cookie']);
      return response;
    },
  };
}

describe('failed connect attempts', () => {
  it(`refuses the link after ${MAX_FAILED_ATTEMPTS} failed submissions, even with the right credentials`, async () => {
    const session = formSession(await h.linkToken());
    await session.open();
    for (let attempt = 0; attempt < MAX_FAILED_ATTEMPTS; attempt++) {
      const refused = await session.submit({ ...GOOD, client_secret: `guess-${attempt}` });
      expect(refused.statusCode).toBe(422);
    }
    const locked = await session.submit(GOOD);
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Too many failed attempts');
  });

  it('holds the cap against wrong guesses sent in parallel with one form', async () => {
    const session = formSession(await h.linkToken());
    await session.open();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, attempt) =>
        session.submit({ ...GOOD, client_secret: `parallel-${attempt}` }),
      ),
    );
    const checked = answers.filter((answer) => answer.statusCode === 422);
    expect(checked.length).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS);
    expect(answers.filter((answer) => answer.statusCode === 429)).toHaveLength(12 - checked.length);
  });

  it('counts field problems as failed attempts too, and leaves other links alone', async () => {
    const session = formSession(await h.linkToken());
    await session.open();
    for (let attempt = 0; attempt < MAX_FAILED_ATTEMPTS; attempt++) {
      expect((await session.submit({ ...GOOD, subdomain: '' })).statusCode).toBe(400);
    }
    expect((await session.submit(GOOD)).statusCode).toBe(429);

    const other = formSession(await h.linkToken());
    await other.open();
    expect((await other.submit(GOOD)).statusCode).toBe(200);
  });
});
