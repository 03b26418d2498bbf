#!/usr/bin/env node
// The `switchboard` command. Packages are not compiled: tsx lets Node run the TypeScript sources directly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
