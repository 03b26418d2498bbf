import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './address-policy.js';
import { webhookUrlProblem } from './webhook-url.js';

describe('address policy', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.5',
    '172.16.3.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '64:ff9b::10.0.0.1',
    '::a9fe:a9fe',
    '::169.254.169.254',
    '64:ff9b:1::a9fe:a9fe',
    '2002:a9fe:a9fe::1',
    '2001:0:4136:e378::1',
    '100::1',
    '::2',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe('webhook URLs', () => {
  const publicDns = async () => ['93.184.216.34'];
  const rebinding = async () => ['93.184.216.34', '10.0.0.7'];

  it('accepts https to a public host', async () => {
    expect(
      await webhookUrlProblem('https://hooks.example.com/in', {
        allowPrivateNetworks: false,
        resolve: publicDns,
      }),
    ).toBeUndefined();
  });

  it('refuses a host with any private address, http, credentials and other schemes', async () => {
    const strict = { allowPrivateNetworks: false, resolve: rebinding };
    expect(await webhookUrlProblem('https://hooks.example.com/in', strict)).toContain('private');
    expect(
      await webhookUrlProblem('http://hooks.example.com/in', { ...strict, resolve: publicDns }),
    ).toContain('https://');
    expect(
      await webhookUrlProblem('https://user:pw@hooks.example.com/', { ...strict, resolve: publicDns }),
    ).toContain('credentials');
    expect(await webhookUrlProblem('file:///etc/passwd', strict)).toContain('https://');
    expect(await webhookUrlProblem('not a url', strict)).toContain('valid URL');
  });

  it('allows http to loopback only where private networks are allowed', async () => {
    const open = { allowPrivateNetworks: true };
    expect(await webhookUrlProblem('http://127.0.0.1:9000/in', open)).toBeUndefined();
    expect(await webhookUrlProblem('http://10.0.0.7/in', open)).toContain('https://');
    expect(await webhookUrlProblem('http://127.0.0.1:9000/in', { allowPrivateNetworks: false })).toContain(
      'https://',
    );
  });
});
