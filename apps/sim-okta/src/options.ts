/** @module Simulator options, their defaults, and start-up validation (all problems reported at once). */
import { type FaultSettings, optionsInvalid } from '@switchboard/sim-kit';
import type { BudgetKey } from './faults.js';

export interface SimulatorOptions {
  /** Seeded users, default 200. */
  users?: number;
  /** Seed for deterministic data, default 1. */
  seed?: number;
  /** The API token accepted as `Authorization: SSWS <token>`, default `sim-okta-api-token`. */
  apiToken?: string;
  /** Calls per minute per endpoint family (users, groups, logs, other), default 600; 0 = unlimited. */
  rateLimitPerMinute?: number;
  /** Latency added to every request, default 0. */
  latencyMs?: number;
  /**
   * ISO date-time the simulator's clock reads at start (then runs on), default the real clock. The seed is
   * anchored there, so every start serves the same data; recording sets it to the recorder's fixed clock so
   * System Log windows computed from `$now` hold the seeded events and the ones writes add.
   */
  startAt?: string;
  /**
   * The org URL written into `_links` (e.g. `https://acme.okta.com`), default the origin each request used.
   */
  orgUrl?: string;
  /** Fastify's pino logger (request lines only, never headers or bodies), default false. */
  logger?: boolean;
  /** Faults active from the start; same vocabulary as `POST /__sim/faults`. */
  faults?: FaultSettings<BudgetKey>;
}

export interface ResolvedOptions {
  readonly users: number;
  readonly seed: number;
  readonly apiToken: string;
  readonly rateLimitPerMinute: number;
  readonly latencyMs: number;
  readonly orgUrl: string | undefined;
  readonly logger: boolean;
  readonly faults: FaultSettings<BudgetKey> | undefined;
}

export const DEFAULTS = {
  users: 200,
  seed: 1,
  apiToken: 'sim-okta-api-token',
  rateLimitPerMinute: 600,
  latencyMs: 0,
} as const;

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    users: options.users ?? DEFAULTS.users,
    seed: options.seed ?? DEFAULTS.seed,
    apiToken: options.apiToken ?? DEFAULTS.apiToken,
    rateLimitPerMinute: options.rateLimitPerMinute ?? DEFAULTS.rateLimitPerMinute,
    latencyMs: options.latencyMs ?? DEFAULTS.latencyMs,
    orgUrl: options.orgUrl?.replace(/\/$/, ''),
    logger: options.logger ?? false,
    faults: options.faults,
  };
  const issues: string[] = [];
  for (const key of ['users', 'rateLimitPerMinute', 'latencyMs'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 0)
      issues.push(`${key} must be a non-negative integer`);
  }
  if (!Number.isInteger(resolved.seed)) issues.push('seed must be an integer');
  if (resolved.orgUrl !== undefined && !/^https?:\/\/[^/\s]+$/.test(resolved.orgUrl)) {
    issues.push('orgUrl must be an origin such as https://acme.okta.com');
  }
  if (options.startAt !== undefined && Number.isNaN(Date.parse(options.startAt))) {
    issues.push('startAt must be an ISO date-time');
  }
  // The token travels in `SSWS <token>`: one header word.
  if (!/^[\x21-\x7e]+$/.test(resolved.apiToken))
    issues.push('apiToken must be non-empty printable ASCII without spaces');
  if (issues.length > 0) throw optionsInvalid(issues);
  return resolved;
}
