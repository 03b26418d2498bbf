/**
 * @module One autocannon run against one URL. Latency comes from every response's own timing (fractional ms),
 * not autocannon's whole-millisecond histogram; throughput counts 2xx answers only.
 */
import autocannon from 'autocannon';
import { LatencyRecorder } from '../stats/latency-recorder.js';

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadOutcome {
  durationSeconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadOutcome> {
  const latencies = new LatencyRecorder();
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers ?? {},
    timeout: 10,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) latencies.record(responseTimeMs);
  });
  const result = await instance;
  const [p50Ms = Number.NaN, p99Ms = Number.NaN] = latencies.percentiles(50, 99);
  return {
    durationSeconds: result.duration,
    requestsPerSecond: latencies.count / result.duration,
    p50Ms,
    p99Ms,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
