import { describe, expect, it } from 'vitest';
import { LatencyRecorder } from './latency-recorder.js';
import { mean, median, percentile, ratio } from './statistics.js';

describe('statistics', () => {
  it('interpolates percentiles between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 0)).toBe(10);
    expect(percentile([10, 20, 30, 40, 50], 100)).toBe(50);
    expect(percentile([10, 20, 30, 40, 50], 99)).toBeCloseTo(49.6);
  });

  it('does not depend on input order and leaves the input alone', () => {
    const values = [5, 1, 4, 2, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it('answers NaN rather than inventing a number for empty input or a zero baseline', () => {
    expect(median([])).toBeNaN();
    expect(mean([])).toBeNaN();
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(3, 2)).toBe(1.5);
  });

  it('records more latencies than its initial capacity', () => {
    const recorder = new LatencyRecorder();
    for (let i = 0; i < 100_001; i++) recorder.record(i / 1000);
    expect(recorder.count).toBe(100_001);
    const [p50, p99] = recorder.percentiles(50, 99);
    expect(p50).toBeCloseTo(50);
    expect(p99).toBeCloseTo(99);
  });
});
