/**
 * The `tallyroom` command as tests/helpers/test-programs.ts builds it: scripts/bin/tallyroom.mjs
 * without tsx's register (the build has already compiled the TypeScript).
 */
import { runCli } from '../../scripts/cli/main';

process.exitCode = await runCli(process.argv.slice(2));
