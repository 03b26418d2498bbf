/**
 * @module Errors thrown by the simulator (bad options, fault settings or flags): the shared registry of
 * @switchboard/sim-kit, re-exported so callers keep importing them from here.
 */
export {
  argsInvalid,
  faultsInvalid,
  optionsInvalid,
  SimulatorError,
  SimulatorErrorCode,
  type SimulatorErrorOptions,
} from '@switchboard/sim-kit';
