/**
 * @module Error registry shared by the simulators. The shape mirrors @switchboard/errors (stable `SB_ERR_<AREA>_<WHAT>`
 * code, `details`, `cause`, `Name [CODE]: message`) without depending on it: a simulator stands in for a
 * third-party service and stays free of engine packages.
 */

export interface SimulatorErrorOptions {
  cause?: unknown;
  details?: Record<string, unknown>;
}

export class SimulatorError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: SimulatorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SimulatorError';
    this.code = code;
    this.details = options.details ?? {};
  }

  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

export const SimulatorErrorCode = {
  /** `buildSimulator` options out of range (all problems listed in `details.issues`). */
  optionsInvalid: 'SB_ERR_SIM_OPTIONS_INVALID',
  /** Fault settings passed to `faults.set` or `POST /__sim/faults` are malformed. */
  faultsInvalid: 'SB_ERR_SIM_FAULTS_INVALID',
  /** `src/main.ts` received an unknown or malformed flag. */
  argsInvalid: 'SB_ERR_SIM_ARGS_INVALID',
} as const;

export function optionsInvalid(issues: readonly string[]): SimulatorError {
  return new SimulatorError(
    SimulatorErrorCode.optionsInvalid,
    `invalid simulator options: ${issues.join('; ')}`,
    {
      details: { issues },
    },
  );
}

export function faultsInvalid(issues: readonly string[]): SimulatorError {
  return new SimulatorError(
    SimulatorErrorCode.faultsInvalid,
    `invalid fault settings: ${issues.join('; ')}`,
    {
      details: { issues },
    },
  );
}

export function argsInvalid(message: string, cause?: unknown): SimulatorError {
  return new SimulatorError(SimulatorErrorCode.argsInvalid, message, cause === undefined ? {} : { cause });
}
