/**
 * @module @switchboard/cli — the `switchboard` command, usable programmatically (tests, other tools).
 */
export { type Command, type CommandIo, EXIT } from './command.js';
export { COMMANDS } from './commands.js';
export { helpText, main, processIo } from './main.js';
