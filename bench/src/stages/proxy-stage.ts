/**
 * @module Stage 3 — proxy under load: `GET /proxy/users` through the API against a bare Fastify + undici forwarder
 * to the same simulator endpoint (and, for context, the simulator hit directly), each warmed up, then loaded with
 * the same autocannon settings. Simulator, API and forwarder are separate processes; autocannon runs in this one.
 * Each run also reads the answering process's CPU time, so its cost per answer is known apart from the load.
 * The direct run and the one-item runs (`limit=1`: the cost of a request apart from its records) are skipped in
 * `--quick` mode to stay under a minute.
 */
import { request } from 'undici';
import { BenchHttpFailed } from '../errors.js';
import { runLoad } from '../load/load-run.js';
import { readProcessCpuMs } from '../processes/process-cpu.js';
import { formatCount, formatMs, formatPercent, formatSigned } from '../report/format.js';
import type { LoadRun, ProxyResult } from '../results.js';
import { ratio } from '../stats/statistics.js';
import { fetchSimulatorToken } from '../upstream/simulator-token.js';
import type { StageContext } from './stage-context.js';

interface LoadTarget {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** The process that answers it, whose CPU time is read around the run. */
  serverPid: number;
  /** How many records one answer holds (the envelope's `result`, or the bare upstream array). */
  count(body: unknown): number;
}

export async function runProxyStage({ profile, progress, environments }: StageContext): Promise<ProxyResult> {
  const settings = profile.proxy;
  const limit = settings.pageLimit;
  const environment = await environments.acquire(settings.simulatorUsers);
  const { sim, api, accountId } = environment;
  const forwarder = await environment.forwarder();
  const bareArray = (body: unknown) => (Array.isArray(body) ? body.length : -1);
  const direct: LoadTarget = {
    name: 'simulator direct',
    url: `${sim.url}/api/2/users?limit=${limit}`,
    headers: { authorization: `Bearer ${await fetchSimulatorToken(sim.url)}` },
    serverPid: sim.service.pid,
    count: bareArray,
  };
  const bare: LoadTarget = {
    name: 'bare forwarder',
    url: `${forwarder.url}/users?limit=${limit}`,
    headers: {},
    serverPid: forwarder.service.pid,
    count: bareArray,
  };
  const proxy: LoadTarget = {
    name: 'switchboard',
    url: `${api.url}/proxy/users?integrated_account_id=${encodeURIComponent(accountId)}&limit=${limit}`,
    headers: { authorization: `Bearer ${api.apiKey}` },
    serverPid: api.service.pid,
    count: (body) => {
      const result = (body as { result?: unknown } | null)?.result;
      return Array.isArray(result) ? result.length : -1;
    },
  };
  progress(
    'proxy',
    `simulator (${formatCount(environment.users)} users), API and bare forwarder up; ${settings.connections} connections, limit=${limit}`,
  );

  const measure = async (target: LoadTarget, pageLimit = limit): Promise<LoadRun> => {
    await expectPage(target, pageLimit);
    const load = { ...target, connections: settings.connections };
    await api.service.race(runLoad({ ...load, durationSeconds: settings.warmupSeconds }));
    const cpuBefore = await readProcessCpuMs(target.serverPid);
    const outcome = await api.service.race(runLoad({ ...load, durationSeconds: settings.durationSeconds }));
    const cpuAfter = await readProcessCpuMs(target.serverPid);
    const answered = outcome.requestsPerSecond * outcome.durationSeconds;
    const serverCpuMsPerRequest =
      cpuBefore === undefined || cpuAfter === undefined || answered === 0
        ? null
        : (cpuAfter - cpuBefore) / answered;
    const path = new URL(target.url).pathname;
    const trouble =
      outcome.non2xx + outcome.errors > 0 ? `, ${outcome.non2xx} non-2xx, ${outcome.errors} errors` : '';
    progress(
      'proxy',
      `${target.name} ${path}: ${formatCount(outcome.requestsPerSecond)} req/s, p50 ${formatMs(outcome.p50Ms)}, p99 ${formatMs(outcome.p99Ms)}${trouble}`,
    );
    return { target: target.name, path, ...outcome, serverCpuMsPerRequest };
  };
  const directRun = settings.measureDirect ? await measure(direct) : undefined;
  const bareRun = await measure(bare);
  const proxyRun = await measure(proxy);
  // One-item answers: what each request costs apart from the records it carries.
  const oneItem = settings.measureOneItem
    ? {
        bare: await measure(withLimit(bare, 1), 1),
        proxy: await measure(withLimit(proxy, 1), 1),
      }
    : undefined;
  const result: ProxyResult = {
    connections: settings.connections,
    pageLimit: limit,
    ...(directRun === undefined ? {} : { direct: directRun }),
    ...(oneItem === undefined ? {} : { oneItem }),
    bare: bareRun,
    proxy: proxyRun,
    throughputRatio: ratio(proxyRun.requestsPerSecond, bareRun.requestsPerSecond),
    addedP50Ms: proxyRun.p50Ms - bareRun.p50Ms,
    addedP99Ms: proxyRun.p99Ms - bareRun.p99Ms,
    cpuCostRatio:
      proxyRun.serverCpuMsPerRequest === null || !bareRun.serverCpuMsPerRequest
        ? null
        : proxyRun.serverCpuMsPerRequest / bareRun.serverCpuMsPerRequest,
  };
  progress(
    'proxy',
    `proxy ÷ bare ${formatPercent(result.throughputRatio)}, added p50 ${formatSigned(result.addedP50Ms, formatMs)}`,
  );
  return result;
}

function withLimit(target: LoadTarget, limit: number): LoadTarget {
  const url = new URL(target.url);
  url.searchParams.set('limit', String(limit));
  return { ...target, name: `${target.name} (limit=${limit})`, url: url.toString() };
}

/** One request first: a target that answers errors or a short page would make its throughput meaningless. */
async function expectPage(target: LoadTarget, limit: number): Promise<void> {
  const response = await request(target.url, { headers: target.headers });
  const text = await response.body.text();
  const count = response.statusCode === 200 ? target.count(JSON.parse(text)) : -1;
  if (count !== limit) {
    throw new BenchHttpFailed(
      `${target.name} answered ${response.statusCode} with ${count} records (expected ${limit}): ${text.slice(0, 300)}`,
    );
  }
}
