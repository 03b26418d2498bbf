/**
 * @module Child process: the OneLogin simulator with `SIM_USERS` users on `SIM_PORT` (0: any), no added latency and
 * no hourly budget (the benchmark measures Switchboard, not the simulated rate limit).
 */
import { buildSimulator } from '@switchboard/sim-onelogin';
import { reportFailure, reportReady, stopOnSignal } from './launcher-ipc.js';

try {
  const simulator = await buildSimulator({
    users: Number(process.env['SIM_USERS'] ?? '1000'),
    latencyMs: 0,
    hourlyBudget: 0,
  });
  stopOnSignal(() => simulator.close());
  reportReady(await simulator.listen(Number(process.env['SIM_PORT'] ?? '0')));
} catch (error) {
  reportFailure(error);
}
