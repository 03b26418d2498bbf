/**
 * @module The command table. Adding a command: write `commands/<name>.ts` exporting a {@link Command} and list
 * it here; `switchboard --help` picks it up.
 */
import type { Command } from './command.js';
import { conformance } from './commands/conformance.js';
import { demo } from './commands/demo.js';
import { mcp } from './commands/mcp.js';
import { record } from './commands/record.js';
import { rekey } from './commands/rekey.js';
import { serve } from './commands/serve.js';
import { validate } from './commands/validate.js';

export const COMMANDS: readonly Command[] = [serve, demo, validate, conformance, record, mcp, rekey];
