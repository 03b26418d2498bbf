/**
 * @module Okta-looking ids (`00u…` users, `00g…` groups, `ra1…` role assignments: 20 characters). A fixed-width
 * base-62 sequence number follows the prefix, so an id's code-unit order is its creation order and lists
 * can be served by binary search on the id; a seeded random tail makes them look like the real thing.
 */
import type { Random } from '@switchboard/sim-kit';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SEQUENCE_WIDTH = 6;
const LENGTH = 20;

export function oktaId(prefix: string, sequence: number, random: Random): string {
  let encoded = '';
  let rest = sequence;
  for (let i = 0; i < SEQUENCE_WIDTH; i += 1) {
    encoded = ALPHABET[rest % 62] + encoded;
    rest = Math.floor(rest / 62);
  }
  let tail = '';
  while (prefix.length + encoded.length + tail.length < LENGTH) tail += random.pick([...ALPHABET]);
  return `${prefix}${encoded}${tail}`;
}
