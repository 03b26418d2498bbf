/**
 * @module Assembles the Entra simulator on the shared kit: seeded tenant, state, faults, the kit's request
 * guard and control routes with Graph's dialect, then the token endpoint and the Graph v1.0 routes. Returned
 * without listening (tests use `app.inject()`).
 */
import {
  createSimApp,
  Faults,
  type Simulator as KitSimulator,
  listenOn,
  registerControlRoutes,
  registerFallbackHandlers,
  registerRequestGuard,
} from '@switchboard/sim-kit';
import { seedTenant } from './data/seed-tenant.js';
import type { TenantIdentity } from './data/tenant.js';
import type { SimContext } from './http/context.js';
import { graphFallbackDialect, graphGuardDialect } from './http/graph-dialect.js';
import { registerRequestIds } from './http/request-ids.js';
import { registerResponseHeaders } from './http/response-headers.js';
import { type BudgetKey, resolveOptions, type SimulatorOptions } from './options.js';
import { registerAuditRoutes } from './routes/audit-routes.js';
import { registerGroupsRoutes } from './routes/groups-routes.js';
import { registerRolesRoutes } from './routes/roles-routes.js';
import { registerTenantRoutes } from './routes/tenant-routes.js';
import { registerTokenRoute } from './routes/token-route.js';
import { registerUsersRoutes } from './routes/users-routes.js';
import { SimulatorState } from './state.js';

export const BUDGET_KEY: BudgetKey = 'ten_second_budget';

export type Simulator = KitSimulator<SimulatorState, BudgetKey>;

/**
 * Builds an Entra ID / Microsoft Graph simulator.
 *
 * @example
 * const sim = await buildSimulator({ users: 1000 });
 * const url = await sim.listen();
 * // POST `${url}/${tenantId}/oauth2/v2.0/token` (form: grant_type, client_id, client_secret, scope), then
 * // GET `${url}/v1.0/users` with `Authorization: Bearer <access_token>`.
 */
export async function buildSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const resolved = resolveOptions(options);
  const identity: TenantIdentity = {
    tenantId: resolved.tenantId,
    initialDomain: resolved.initialDomain,
    verifiedDomains: [resolved.initialDomain, resolved.customDomain],
  };
  // With `startAt` the seed is anchored on that exact instant, so every start yields the same data.
  const seedAt = () => (options.startAt !== undefined ? Date.parse(options.startAt) : resolved.now());
  const seed = () =>
    seedTenant({
      users: resolved.users,
      seed: resolved.seed,
      identity,
      clientId: resolved.clientId,
      now: seedAt(),
    });
  const state = new SimulatorState(seed(), resolved.tenSecondBudget, resolved.seed);
  const faults = new Faults(BUDGET_KEY, state.tokens, state.budget);
  if (resolved.faults !== undefined) faults.set(resolved.faults);
  const context: SimContext = { state, options: resolved, now: resolved.now };

  const app = createSimApp({ logger: resolved.logger });
  registerFallbackHandlers(app, graphFallbackDialect(context));
  registerRequestIds(app, context);
  registerRequestGuard(
    app,
    {
      counters: state.counters,
      tokens: state.tokens,
      budget: state.budget,
      faults,
      latencyMs: resolved.latencyMs,
      now: resolved.now,
    },
    graphGuardDialect(context),
  );
  registerResponseHeaders(app);
  registerTokenRoute(app, context);
  registerUsersRoutes(app, context);
  registerGroupsRoutes(app, context);
  registerRolesRoutes(app, context);
  registerAuditRoutes(app, context);
  registerTenantRoutes(app, context);
  registerControlRoutes(app, {
    faults,
    summary: () => state.summary(resolved.now()),
    reseed: () => state.reset(seed()),
  });
  return { app, state, faults, listen: (port, host) => listenOn(app, port, host), close: () => app.close() };
}
