import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { SwitchboardSdkError } from './errors.js';
import { verifyWebhook } from './verify-webhook.js';

// Signed by the reference implementation, not by the code under test.
const secret = `whsec_${Buffer.from('a-32-byte-secret-for-the-tests!!').toString('base64')}`;
const at = new Date('2026-12-07T12:00:00Z');
const body = JSON.stringify({ id: 'evt_1', type: 'user.deleted', data: { id: '7' } });
const headers = {
  'webhook-id': 'evt_1',
  'webhook-timestamp': String(at.getTime() / 1000),
  'webhook-signature': new Webhook(secret).sign('evt_1', at, body),
};

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SwitchboardSdkError);
    return (error as SwitchboardSdkError).message;
  }
  throw new Error('expected verification to fail');
}

describe('verifyWebhook', () => {
  it('returns the event of a delivery signed with the secret', () => {
    expect(verifyWebhook(secret, headers, body, at)).toEqual({
      id: 'evt_1',
      type: 'user.deleted',
      data: { id: '7' },
    });
    expect(
      verifyWebhook(secret, new Headers(headers), Buffer.from(body), new Date(at.getTime() + 60_000)),
    ).toEqual(expect.objectContaining({ id: 'evt_1' }));
  });

  it('accepts any of several signatures (secret rotation)', () => {
    const both = {
      ...headers,
      'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')} ${headers['webhook-signature']}`,
    };
    expect(verifyWebhook(secret, both, body, at)).toEqual(expect.objectContaining({ id: 'evt_1' }));
  });

  it('refuses a changed body, another secret, a missing header and a replayed timestamp', () => {
    expect(failure(() => verifyWebhook(secret, headers, `${body} `, at))).toContain('no signature matches');
    const other = `whsec_${Buffer.from('another-secret-of-thirty-two-by!').toString('base64')}`;
    expect(failure(() => verifyWebhook(other, headers, body, at))).toContain('no signature matches');
    expect(failure(() => verifyWebhook(secret, { ...headers, 'webhook-id': undefined }, body, at))).toContain(
      'missing',
    );
    expect(
      failure(() => verifyWebhook(secret, headers, body, new Date(at.getTime() + 10 * 60_000))),
    ).toContain('timestamp');
  });
});
