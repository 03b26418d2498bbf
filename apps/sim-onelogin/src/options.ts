/** @module Simulator options, their defaults, and start-up validation (all problems reported at once). */

import type { FaultSettings } from '@switchboard/sim-kit';
import { optionsInvalid } from './errors.js';
import type { BudgetKey } from './faults/onelogin-faults.js';

export interface SimulatorOptions {
  /** Seeded users, default 200. */
  users?: number;
  /** Seed for deterministic data, default 1. */
  seed?: number;
  /** Default `sim-client-id`. */
  clientId?: string;
  /** Default `sim-client-secret`. */
  clientSecret?: string;
  /** Access-token lifetime, default 36000 (10 h, as OneLogin). */
  tokenTtlSeconds?: number;
  /** Calls per hour per account across /api/1 and /api/2, default 5000; 0 = unlimited. */
  hourlyBudget?: number;
  /** Latency added to every request, default 0. */
  latencyMs?: number;
  /** Fastify's pino logger (request lines only, never headers or bodies), default false. */
  logger?: boolean;
  /** Faults active from the start; same vocabulary as `POST /__sim/faults`. */
  faults?: FaultSettings<BudgetKey>;
  /**
   * ISO date-time the simulator's clock reads at start (then runs on): the seed is anchored there, so every
   * start yields the same data and timestamps (re-recorded fixtures do not change). Default: the real clock.
   */
  startAt?: string;
}

export interface ResolvedOptions {
  readonly users: number;
  readonly seed: number;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenTtlSeconds: number;
  readonly hourlyBudget: number;
  readonly latencyMs: number;
  readonly logger: boolean;
  readonly faults: FaultSettings<BudgetKey> | undefined;
}

export const DEFAULTS = {
  users: 200,
  seed: 1,
  clientId: 'sim-client-id',
  clientSecret: 'sim-client-secret',
  tokenTtlSeconds: 36_000,
  hourlyBudget: 5000,
  latencyMs: 0,
} as const;

/** The OneLogin account every seeded record belongs to (the id seen in real token responses). */
export const ACCOUNT_ID = 189_185;

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    users: options.users ?? DEFAULTS.users,
    seed: options.seed ?? DEFAULTS.seed,
    clientId: options.clientId ?? DEFAULTS.clientId,
    clientSecret: options.clientSecret ?? DEFAULTS.clientSecret,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds,
    hourlyBudget: options.hourlyBudget ?? DEFAULTS.hourlyBudget,
    latencyMs: options.latencyMs ?? DEFAULTS.latencyMs,
    logger: options.logger ?? false,
    faults: options.faults,
  };
  const issues: string[] = [];
  const counts = ['users', 'hourlyBudget', 'latencyMs'] as const;
  for (const key of counts) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 0)
      issues.push(`${key} must be a non-negative integer`);
  }
  if (!Number.isInteger(resolved.seed)) issues.push('seed must be an integer');
  if (options.startAt !== undefined && Number.isNaN(Date.parse(options.startAt)))
    issues.push('startAt must be an ISO date-time');
  if (!Number.isInteger(resolved.tokenTtlSeconds) || resolved.tokenTtlSeconds < 1) {
    issues.push('tokenTtlSeconds must be a positive integer');
  }
  // Characters that would break the custom `client_id:…, client_secret:…` header are refused up front.
  for (const key of ['clientId', 'clientSecret'] as const) {
    if (!/^[^\s,:]+$/.test(resolved[key]))
      issues.push(`${key} must be non-empty without spaces, commas or colons`);
  }
  if (issues.length > 0) throw optionsInvalid(issues);
  return resolved;
}
