/**
 * @module Collects response times (ms, fractional) in a growable typed array. autocannon's own histogram keeps
 * whole milliseconds only, too coarse for a "p50 adds at most 1 ms" target, so the bench records every sample.
 */
import { percentileOfSorted } from './statistics.js';

export class LatencyRecorder {
  #samples = new Float64Array(1 << 16);
  #count = 0;

  record(milliseconds: number): void {
    if (this.#count === this.#samples.length) {
      const grown = new Float64Array(this.#samples.length * 2);
      grown.set(this.#samples);
      this.#samples = grown;
    }
    this.#samples[this.#count++] = milliseconds;
  }

  get count(): number {
    return this.#count;
  }

  /** Percentiles (0–100) of everything recorded so far, in one sort. */
  percentiles(...ps: number[]): number[] {
    const sorted = this.#samples.slice(0, this.#count).sort();
    return ps.map((p) => percentileOfSorted(sorted, p));
  }
}
