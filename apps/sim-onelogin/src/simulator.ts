/**
 * @module Assembles the simulator: seeded data, state, faults, hooks and routes on one Fastify instance
 * that is returned without listening (tests use `app.inject()`).
 */
import {
  createSimApp,
  Faults,
  type Simulator as KitSimulator,
  listenOn,
  registerControlRoutes,
  startClock,
} from '@switchboard/sim-kit';
import type { FastifyInstance } from 'fastify';
import { seedDirectory } from './data/seed-directory.js';
import { BUDGET_KEY, type BudgetKey } from './faults/onelogin-faults.js';
import { registerApiGuard } from './http/api-guard.js';
import type { SimContext } from './http/context.js';
import { registerFallbackHandlers } from './http/fallback-handlers.js';
import { registerResponseHeaders } from './http/response-headers.js';
import { ACCOUNT_ID, type ResolvedOptions, resolveOptions, type SimulatorOptions } from './options.js';
import { registerEventsV1Routes } from './routes/events-v1-routes.js';
import { registerRateLimitRoute } from './routes/rate-limit-route.js';
import { registerRoleMembersV2Routes } from './routes/role-members-v2-routes.js';
import { registerRolesGroupsV1Routes } from './routes/roles-groups-v1-routes.js';
import { registerRolesV2Routes } from './routes/roles-v2-routes.js';
import { registerTokenRoutes } from './routes/token-routes.js';
import { registerUserActionsV1Routes } from './routes/user-actions-v1-routes.js';
import { registerUsersV1Routes } from './routes/users-v1-routes.js';
import { registerUsersV2Routes } from './routes/users-v2-routes.js';
import { SimulatorState } from './state.js';

export type Simulator = KitSimulator<SimulatorState, BudgetKey>;

/**
 * Builds a OneLogin simulator.
 *
 * @example
 * const sim = await buildSimulator({ users: 1000 });
 * const url = await sim.listen();
 * // POST `${url}/auth/oauth2/v2/token` with `Authorization: client_id:sim-client-id, client_secret:sim-client-secret`
 */
export async function buildSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const resolved = resolveOptions(options);
  // With `startAt` the clock reads that instant at start and runs on; the seed is anchored on it exactly.
  const clock = startClock(options.startAt);
  const now = clock.now;
  const seed = () =>
    seedDirectory({
      users: resolved.users,
      seed: resolved.seed,
      accountId: ACCOUNT_ID,
      now: clock.start,
    });
  const state = new SimulatorState(seed(), resolved.tokenTtlSeconds, resolved.hourlyBudget);
  const faults = new Faults(BUDGET_KEY, state.tokens, state.budget);
  if (resolved.faults !== undefined) faults.set(resolved.faults);
  const context: SimContext = {
    state,
    faults,
    options: resolved,
    now,
    reseed: () => state.reset(seed()),
  };
  const app = createApp(resolved, context);
  return {
    app,
    state,
    faults,
    listen: (port, host) => listenOn(app, port, host),
    close: () => app.close(),
  };
}

function createApp(options: ResolvedOptions, context: SimContext): FastifyInstance {
  const app = createSimApp({ logger: options.logger });
  registerFallbackHandlers(app);
  registerApiGuard(app, context);
  registerResponseHeaders(app);
  registerTokenRoutes(app, context);
  registerRateLimitRoute(app, context);
  registerUsersV2Routes(app, context);
  registerUsersV1Routes(app, context);
  registerUserActionsV1Routes(app, context);
  registerRolesV2Routes(app, context);
  registerRoleMembersV2Routes(app, context);
  registerRolesGroupsV1Routes(app, context);
  registerEventsV1Routes(app, context);
  registerControlRoutes(app, {
    faults: context.faults,
    summary: () => context.state.summary(context.now()),
    reseed: context.reseed,
  });
  return app;
}
