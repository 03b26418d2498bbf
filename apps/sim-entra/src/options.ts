/** @module Simulator options, their defaults, and start-up validation (all problems reported at once). */
import { type FaultSettings, optionsInvalid } from '@switchboard/sim-kit';
import { GUID } from './data/guid.js';

/** The budget fault is named after Graph's identity throttling window (resource units per 10 seconds). */
export type BudgetKey = 'ten_second_budget';
export type EntraFaultSettings = FaultSettings<BudgetKey>;

export interface SimulatorOptions {
  /** Seeded users, default 200. */
  users?: number;
  /** Seed for deterministic data, default 1. */
  seed?: number;
  /** The tenant's GUID (the token path accepts it or a verified domain). */
  tenantId?: string;
  /** The initial `*.onmicrosoft.com` domain, default `switchboardsim.onmicrosoft.com`. */
  initialDomain?: string;
  /** A verified custom domain members use, default `acme.example`. */
  customDomain?: string;
  /** The one registered application (a GUID). */
  clientId?: string;
  clientSecret?: string;
  /** Access-token lifetime, default 3599 (Entra's `expires_in`). */
  tokenTtlSeconds?: number;
  /** Requests per 10 seconds before 429 (Graph's identity limit), default 3500; 0 = unlimited. */
  tenSecondBudget?: number;
  /** Latency added to every request, default 0. */
  latencyMs?: number;
  /** Fastify's pino logger (request lines only, never headers or bodies), default false. */
  logger?: boolean;
  /** Faults active from the start; same vocabulary as `POST /__sim/faults`. */
  faults?: EntraFaultSettings;
  /** The clock (epoch ms), default `Date.now`; tests pass their own to expire tokens without waiting. */
  now?: () => number;
  /**
   * Starts the clock at this ISO instant and lets it run (ignored when `now` is given). With a fixed seed the
   * seeded data is then identical on every start: what recorded fixtures need.
   */
  startAt?: string;
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'faults' | 'startAt'>> & {
  readonly faults: EntraFaultSettings | undefined;
};

export const DEFAULTS = {
  users: 200,
  seed: 1,
  tenantId: '3f1c2b4a-9d8e-4f7a-b6c5-1e2d3c4b5a69',
  initialDomain: 'switchboardsim.onmicrosoft.com',
  customDomain: 'acme.example',
  clientId: '6a1f0e2c-5b3d-4e8f-9a7b-2c4d6e8f0a1b',
  clientSecret: 'sim-client-secret',
  tokenTtlSeconds: 3599,
  tenSecondBudget: 3500,
  latencyMs: 0,
} as const;

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    users: options.users ?? DEFAULTS.users,
    seed: options.seed ?? DEFAULTS.seed,
    tenantId: (options.tenantId ?? DEFAULTS.tenantId).toLowerCase(),
    initialDomain: (options.initialDomain ?? DEFAULTS.initialDomain).toLowerCase(),
    customDomain: (options.customDomain ?? DEFAULTS.customDomain).toLowerCase(),
    clientId: (options.clientId ?? DEFAULTS.clientId).toLowerCase(),
    clientSecret: options.clientSecret ?? DEFAULTS.clientSecret,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds,
    tenSecondBudget: options.tenSecondBudget ?? DEFAULTS.tenSecondBudget,
    latencyMs: options.latencyMs ?? DEFAULTS.latencyMs,
    logger: options.logger ?? false,
    now: options.now ?? runningFrom(options.startAt),
    faults: options.faults,
  };
  const issues: string[] = [];
  if (options.startAt !== undefined && Number.isNaN(Date.parse(options.startAt))) {
    issues.push('startAt must be an ISO date-time');
  }
  for (const key of ['users', 'tenSecondBudget', 'latencyMs'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 0)
      issues.push(`${key} must be a non-negative integer`);
  }
  if (!Number.isInteger(resolved.seed)) issues.push('seed must be an integer');
  if (!Number.isInteger(resolved.tokenTtlSeconds) || resolved.tokenTtlSeconds < 1) {
    issues.push('tokenTtlSeconds must be a positive integer');
  }
  for (const key of ['tenantId', 'clientId'] as const) {
    if (!GUID.test(resolved[key])) issues.push(`${key} must be a GUID`);
  }
  if (!/^[a-z0-9-]+\.onmicrosoft\.com$/.test(resolved.initialDomain)) {
    issues.push('initialDomain must look like <name>.onmicrosoft.com');
  }
  if (resolved.clientSecret === '') issues.push('clientSecret must not be empty');
  if (issues.length > 0) throw optionsInvalid(issues);
  return resolved;
}

/** `Date.now`, shifted so that it reads `startAt` now and runs on from there. */
function runningFrom(startAt: string | undefined): () => number {
  const start = startAt === undefined ? Number.NaN : Date.parse(startAt);
  if (Number.isNaN(start)) return Date.now;
  const offset = Date.now() - start;
  return () => Date.now() - offset;
}
