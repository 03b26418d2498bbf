/**
 * @module A DNS lookup for webhook connections that refuses private addresses at connect time, so a host that
 * resolved to a public address when the webhook was created cannot be pointed at the metadata service later.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isPrivateAddress } from './address-policy.js';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export class PrivateAddressRefused extends Error {
  constructor(host: string) {
    super(`webhook host ${host} resolves to a private address; refused`);
    this.name = 'PrivateAddressRefused';
  }
}

/** For undici's `connect.lookup`. */
export function guardedLookup(host: string, options: object, callback: LookupCallback): void {
  dnsLookup(host, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    if (list.length === 0 || list.some((entry) => isPrivateAddress(entry.address))) {
      return callback(Object.assign(new PrivateAddressRefused(host), { code: 'EPRIVATE' }), []);
    }
    const wantsAll = (options as { all?: boolean }).all === true;
    const first = list[0] as LookupAddress;
    if (wantsAll) callback(null, list);
    else callback(null, first.address, first.family);
  });
}
