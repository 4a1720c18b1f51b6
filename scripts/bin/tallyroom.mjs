#!/usr/bin/env node
// The `tallyroom` command (docs/CONTRACTS.md "Command line"). Runs the TypeScript CLI through tsx,
// so it works right after `npm ci`, with no build step and no Electron.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
