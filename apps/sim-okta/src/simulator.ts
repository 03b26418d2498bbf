/**
 * @module Assembles the simulator: seeded data, state, faults, the shared guard with Okta's answers, and the
 * routes on one Fastify instance that is returned without listening (tests use `app.inject()`).
 */
import {
  createSimApp,
  Faults,
  type Simulator as KitSimulator,
  listenOn,
  registerControlRoutes,
  startClock,
} from '@switchboard/sim-kit';
import { seedDirectory } from './data/seed-directory.js';
import { BUDGET_KEY, type BudgetKey } from './faults.js';
import type { SimContext } from './http/context.js';
import { registerOktaFallbacks } from './http/okta-fallbacks.js';
import { registerOktaGuard } from './http/okta-guard.js';
import { registerResponseHeaders } from './http/response-headers.js';
import { resolveOptions, type SimulatorOptions } from './options.js';
import { registerGroupsRoutes } from './routes/groups-routes.js';
import { registerLifecycleRoutes } from './routes/lifecycle-routes.js';
import { registerLogsRoutes } from './routes/logs-routes.js';
import { registerRolesRoutes } from './routes/roles-routes.js';
import { registerUsersRoutes } from './routes/users-routes.js';
import { SimulatorState } from './state.js';

export type Simulator = KitSimulator<SimulatorState, BudgetKey>;

/**
 * Builds an Okta simulator.
 *
 * @example
 * const sim = await buildSimulator({ users: 500 });
 * const url = await sim.listen();
 * // GET `${url}/api/v1/users` with `Authorization: SSWS sim-okta-api-token`
 */
export async function buildSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const resolved = resolveOptions(options);
  // With `startAt` the clock reads that instant at start and runs on; the seed is anchored on it exactly.
  const clock = startClock(options.startAt);
  const seed = () => seedDirectory({ users: resolved.users, seed: resolved.seed, now: clock.start });
  const state = new SimulatorState(seed(), resolved.apiToken, resolved.rateLimitPerMinute, clock.now());
  const faults = new Faults(BUDGET_KEY, state.tokens, state.windows);
  if (resolved.faults !== undefined) faults.set(resolved.faults);
  const context: SimContext = {
    state,
    faults,
    options: resolved,
    now: clock.now,
    reseed: () => state.reset(seed(), clock.now()),
  };
  const app = createSimApp({ logger: resolved.logger });
  registerOktaFallbacks(app);
  registerOktaGuard(app, context);
  registerResponseHeaders(app);
  registerUsersRoutes(app, context);
  registerLifecycleRoutes(app, context);
  registerGroupsRoutes(app, context);
  registerRolesRoutes(app, context);
  registerLogsRoutes(app, context);
  registerControlRoutes(app, {
    faults,
    summary: () => state.summary(context.now()),
    reseed: context.reseed,
  });
  return {
    app,
    state,
    faults,
    listen: (port, host) => listenOn(app, port, host),
    close: () => app.close(),
  };
}
