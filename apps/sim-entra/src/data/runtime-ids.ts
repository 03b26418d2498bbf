/**
 * @module Ids minted while the simulator runs (created users, audit entries, request ids, trace ids): drawn from
 * their own seeded stream, so the same requests against the same seed get the same ids and re-recorded
 * fixtures do not churn. Reseeding restarts the stream.
 */
import { createRandom, type Random } from '@switchboard/sim-kit';
import { guidFrom } from './guid.js';

const LETTERS = [...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'];

export class RuntimeIds {
  private random: Random;

  constructor(private readonly seed: number) {
    this.random = createRandom(RuntimeIds.streamOf(seed));
  }

  /** A stream apart from the seed data's (same seed, different numbers). */
  private static streamOf(seed: number): number {
    return (seed ^ 0x5eed_1d5) >>> 0;
  }

  guid(): string {
    return guidFrom(this.random);
  }

  /** `XXXXX_12345678`, the tail of an audit id. */
  auditSuffix(): string {
    const letter = () => this.random.pick(LETTERS);
    return `${letter()}${letter()}${letter()}${letter()}${letter()}_${this.random.int(10_000_000, 99_999_999)}`;
  }

  restart(): void {
    this.random = createRandom(RuntimeIds.streamOf(this.seed));
  }
}
