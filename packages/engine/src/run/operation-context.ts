/**
 * @module One operation's run-time state: the account session, the fixed clock (`$now`), the non-secret
 * connection (`$connection`), and what `format: raw | debug` collects.
 */
import type { CompiledIntegration } from '../config/compiled-integration.js';
import type { AccountContext, AccountSession, RateLimitInfo } from '../http/upstream.js';
import { publicConnection } from '../mapping/public-connection.js';
import { Trace, type TraceEntry } from '../trace.js';
import type { EngineLogger, ResponseFormat } from './contract.js';
import type { EngineInternals } from './engine-internals.js';

export interface OperationContext {
  engine: EngineInternals;
  integration: CompiledIntegration;
  account: AccountContext;
  session: AccountSession;
  /** One instant for the whole operation, so every record of it sees the same `$now`. */
  now: string;
  connection: Record<string, string>;
  trace?: Trace | undefined;
  raw?: unknown[] | undefined;
  signal?: AbortSignal | undefined;
  logger?: EngineLogger | undefined;
}

export interface OperationInputBase {
  integration: string;
  account: AccountContext;
  format?: ResponseFormat | undefined;
  signal?: AbortSignal | undefined;
}

export function openOperation(engine: EngineInternals, input: OperationInputBase): OperationContext {
  const integration = engine.integration(input.integration);
  return {
    engine,
    integration,
    account: input.account,
    session: engine.http.session(integration, input.account),
    now: new Date(engine.clock()).toISOString(),
    connection: publicConnection(integration, input.account.connection),
    trace: input.format === 'debug' ? new Trace() : undefined,
    raw: input.format === 'raw' ? [] : undefined,
    signal: input.signal,
    logger: engine.logger,
  };
}

export interface OperationExtras {
  raw?: unknown[];
  trace?: TraceEntry[];
  rateLimit?: RateLimitInfo;
}

/** What every result carries besides its data. */
export function extrasOf(context: OperationContext): OperationExtras {
  const extras: OperationExtras = {};
  if (context.raw) extras.raw = context.raw;
  if (context.trace) extras.trace = context.trace.entries;
  const rateLimit = context.session.rateLimit();
  if (rateLimit) extras.rateLimit = rateLimit;
  return extras;
}
