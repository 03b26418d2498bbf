/**
 * @module Which IP addresses a webhook may reach: public ones only, unless private networks are allowed. Refused:
 * loopback, private (RFC 1918, IPv6 ULA), link-local (cloud metadata at 169.254.169.254 included), CGNAT, the
 * unspecified address, multicast and reserved ranges, the IPv4-mapped, IPv4-compatible and NAT64 forms of all of
 * those, and the IPv6 transition and special prefixes that can reach IPv4 space (6to4, Teredo, local NAT64,
 * discard-only, documentation).
 */
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  // IPv4-compatible (`::a.b.c.d`): deprecated, never needed by a public receiver.
  ['::', 96],
  ['100::', 64],
  ['64:ff9b:1::', 48],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/**
 * The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`, deprecated but still
 * routed by some stacks) or NAT64 (`64:ff9b::a.b.c.d`) IPv6 address.
 */
function embeddedIpv4(address: string): string | undefined {
  const match = /^(?:::ffff:|::|64:ff9b::)(?:0:)?([0-9.]+|[0-9a-f]{1,4}:[0-9a-f]{1,4})$/i.exec(address);
  const tail = match?.[1];
  if (tail === undefined) return undefined;
  if (tail.includes('.')) return tail;
  const [high, low] = tail.split(':').map((part) => Number.parseInt(part, 16));
  if (high === undefined || low === undefined) return undefined;
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True for an address a webhook must not reach without `SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS`. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true; // not an address at all: refuse rather than guess
  const lower = address.toLowerCase().replace(/^\[|\]$/g, '');
  const v4 = embeddedIpv4(lower);
  if (v4 !== undefined) return blocked.check(v4, 'ipv4');
  return blocked.check(lower, 'ipv6');
}

export function isLoopbackAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return address.startsWith('127.');
  const v4 = embeddedIpv4(address.toLowerCase());
  return v4 === undefined ? address === '::1' : v4.startsWith('127.');
}
