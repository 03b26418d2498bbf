/**
 * @module Every error the bench raises. Codes are stable (`SB_ERR_BENCH_<WHAT>`). The bench is a dev tool with no
 * runtime dependency on @switchboard/errors, so it carries the same small shape (code, message, cause) itself.
 */

export class BenchError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BenchError';
    this.code = code;
  }

  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

function coded(code: string) {
  return class extends BenchError {
    static readonly code = code;
    constructor(message: string, options: { cause?: unknown } = {}) {
      super(code, message, options);
    }
  };
}

/** Bad command-line flags. */
export const BenchArgsInvalid = coded('SB_ERR_BENCH_ARGS_INVALID');
/** A piece the stage needs (engine export, API entry, integration file) is not there yet: the stage is skipped. */
export const BenchPieceMissing = coded('SB_ERR_BENCH_PIECE_MISSING');
/** Engine and hand-written mappings disagree on a record, so their ratio would compare unequal work. */
export const BenchMappingMismatch = coded('SB_ERR_BENCH_MAPPING_MISMATCH');
/** A child process (API, simulator, forwarder) exited or never became ready. */
export const BenchProcessFailed = coded('SB_ERR_BENCH_PROCESS_FAILED');
/** An HTTP call the bench makes answered something other than what it needs. */
export const BenchHttpFailed = coded('SB_ERR_BENCH_HTTP_FAILED');
/** A change feed sync run ended `failed` (its recorded reason is the message). */
export const BenchSyncRunFailed = coded('SB_ERR_BENCH_SYNC_RUN_FAILED');
/** A read returned a different number of records than the simulator holds. */
export const BenchIncompleteRead = coded('SB_ERR_BENCH_INCOMPLETE_READ');
