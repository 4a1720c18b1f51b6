#!/usr/bin/env node
// The `tallyroom` command (docs/ARCHITECTURE.md, scripts/). Runs the JavaScript build in out/cli
// (made by `npm ci` / `npm install`, or `npm run build:cli`: scripts/cli/build-cli.mjs). Where
// there is no build, or a source file changed after it, it runs the TypeScript through tsx, with
// a note on stderr: slower to start, the same command.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '../..');
const built = join(root, 'out/cli');

/** Why the build cannot be used, or null when it is current. */
function reasonNotToUseBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(built, 'manifest.json'), 'utf8'));
  } catch {
    return 'the command line is not built';
  }
  if (!Array.isArray(manifest.all) || !Array.isArray(manifest.entry) || typeof manifest.commands !== 'object') {
    return 'the command line was built by an older version';
  }
  // Only what this command is built from; --help, --version and the like need the entry only.
  const command = process.argv[2];
  const sources =
    command === undefined || command === 'help' || command.startsWith('-')
      ? manifest.entry
      : Object.hasOwn(manifest.commands, command)
        ? manifest.commands[command]
        : manifest.all;
  for (const input of sources) {
    let modified;
    try {
      modified = statSync(join(root, input)).mtimeMs;
    } catch {
      return `${input} is gone since the command line was built`;
    }
    if (modified > manifest.builtAt) return `${input} changed after the command line was built`;
  }
  return null;
}

const reason = reasonNotToUseBuild();
let runCli;
if (reason === null) {
  ({ runCli } = await import(pathToFileURL(join(built, 'main.js')).href));
} else {
  process.stderr.write(`tallyroom: ${reason}; running from source (slower). "npm run build:cli" builds it.\n`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../cli/main.ts'));
}
process.exitCode = await runCli(process.argv.slice(2));
