/**
 * @module Checks a webhook URL before it is stored: `https://` (or `http://` to loopback where private networks
 * are allowed), no credentials in it, and a host that resolves only to addresses the policy allows. The same
 * policy is applied again at every connection (see guarded-lookup.ts), so DNS rebinding gains nothing.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isLoopbackAddress, isPrivateAddress } from './address-policy.js';

export type Resolve = (host: string) => Promise<string[]>;

export const resolveHost: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

export interface UrlPolicy {
  allowPrivateNetworks: boolean;
  resolve?: Resolve;
}

/** The problem with `raw` as a webhook URL, or `undefined` when it may be used. */
export async function webhookUrlProblem(raw: string, policy: UrlPolicy): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https:// URL';
  if (url.username !== '' || url.password !== '') return 'must not carry credentials';
  if (raw.length > 2048) return 'is longer than 2048 characters';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) === 0 ? await (policy.resolve ?? resolveHost)(host) : [host];
  } catch {
    return `has a host (${host}) that does not resolve`;
  }
  if (addresses.length === 0) return `has a host (${host}) that does not resolve`;
  if (url.protocol === 'http:') {
    if (policy.allowPrivateNetworks && addresses.every(isLoopbackAddress)) return undefined;
    return 'must be an https:// URL (http:// only to loopback, and only where private networks are allowed)';
  }
  if (!policy.allowPrivateNetworks && addresses.some(isPrivateAddress)) {
    return 'resolves to a private, loopback or link-local address; set SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true to allow it';
  }
  return undefined;
}
