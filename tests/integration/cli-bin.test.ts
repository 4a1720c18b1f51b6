/**
 * scripts/bin/tallyroom.mjs picks what to run: the build in out/cli while none of the sources the
 * command is built from changed after it, else the TypeScript through tsx with a note on stderr.
 * Tried on a copy of the bin in a folder of its own, with a stand-in build and source, so nothing
 * in the repository's out/cli is touched.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/cli/build-cli.mjs';
import { COMMAND_TABLE } from '../../scripts/cli/command-table';

const REPO = resolve(import.meta.dirname, '../..');
let root: string;

function runBin(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'scripts/bin/tallyroom.mjs'), ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function writeManifest(builtAt: number) {
  writeFileSync(
    join(root, 'out/cli/manifest.json'),
    JSON.stringify({
      builtAt,
      all: ['scripts/cli/main.ts', 'scripts/cli/status-part.ts'],
      entry: ['scripts/cli/main.ts'],
      commands: { status: ['scripts/cli/main.ts', 'scripts/cli/status-part.ts'] },
    }),
  );
}

/** Sets a source's modification time, in ms since the epoch. */
function modified(path: string, ms: number) {
  utimesSync(join(root, path), ms / 1000, ms / 1000);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tallyroom-bin-'));
  mkdirSync(join(root, 'scripts/bin'), { recursive: true });
  mkdirSync(join(root, 'scripts/cli'), { recursive: true });
  mkdirSync(join(root, 'out/cli'), { recursive: true });
  copyFileSync(join(REPO, 'scripts/bin/tallyroom.mjs'), join(root, 'scripts/bin/tallyroom.mjs'));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  const runCli = (said: string) =>
    `export async function runCli(argv) { console.log(${JSON.stringify(said)} + ' ' + argv.join(' ')); return 0; }\n`;
  writeFileSync(join(root, 'out/cli/main.js'), runCli('build'));
  // TypeScript on purpose: only tsx runs it.
  writeFileSync(
    join(root, 'scripts/cli/main.ts'),
    runCli('source').replace('(argv)', '(argv: string[]): Promise<number>'),
  );
  writeFileSync(join(root, 'scripts/cli/status-part.ts'), 'export {};\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the tallyroom bin', () => {
  it('runs the build while no source of the command is newer, and says nothing', () => {
    const builtAt = Date.now();
    writeManifest(builtAt);
    modified('scripts/cli/main.ts', builtAt - 60_000);
    modified('scripts/cli/status-part.ts', builtAt - 60_000);
    for (const args of [['--version'], ['status', '--db', 'x.db']]) {
      const run = runBin(...args);
      expect(run).toEqual({ code: 0, stdout: `build ${args.join(' ')}\n`, stderr: '' });
    }
  });

  it('runs the source through tsx, with a note, once a source the command is built from changed', () => {
    const builtAt = Date.now();
    writeManifest(builtAt);
    modified('scripts/cli/main.ts', builtAt - 60_000);
    modified('scripts/cli/status-part.ts', builtAt + 60_000);
    const status = runBin('status', '--db', 'x.db');
    expect(status.code).toBe(0);
    expect(status.stdout).toBe('source status --db x.db\n');
    expect(status.stderr).toBe(
      'tallyroom: scripts/cli/status-part.ts changed after the command line was built; running from source (slower). "npm run build:cli" builds it.\n',
    );
    // --version is built from the entry alone, which has not changed.
    expect(runBin('--version').stdout).toBe('build --version\n');
  });

  it('runs the source when there is no build, or one it cannot read', () => {
    rmSync(join(root, 'out/cli/manifest.json'));
    const missing = runBin('--version');
    expect(missing.stdout).toBe('source --version\n');
    expect(missing.stderr).toMatch(/^tallyroom: the command line is not built; running from source/);
    writeFileSync(join(root, 'out/cli/manifest.json'), '{"builtAt": 1, "inputs": []}');
    expect(runBin('--version').stderr).toMatch(/built by an older version/);
  });
});

describe('the build (scripts/cli/build-cli.mjs)', () => {
  it('lists, per command, the sources it is built from: the entry alone for --help and --version', async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'tallyroom-build-')), 'cli');
    try {
      await buildCli(outDir);
      const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
        all: string[];
        entry: string[];
        commands: Record<string, string[]>;
      };
      expect(manifest.entry.sort()).toEqual([
        'scripts/cli/command-table.ts',
        'scripts/cli/io.ts',
        'scripts/cli/main.ts',
      ]);
      expect(Object.keys(manifest.commands).sort()).toEqual(COMMAND_TABLE.map((command) => command.name).sort());
      expect(manifest.commands.status).toEqual(
        expect.arrayContaining([
          'scripts/cli/commands/status.ts',
          'electron/core/store/database.ts',
          ...manifest.entry,
        ]),
      );
      expect(manifest.commands.hub).toEqual(
        expect.arrayContaining(['scripts/cli/commands/hub.ts', 'scripts/cli/commands/hub-pairing-code.ts']),
      );
      expect(manifest.commands.restore).toContain('scripts/cli/commands/backup.ts');
      for (const sources of Object.values(manifest.commands)) {
        for (const source of sources) expect(manifest.all).toContain(source);
      }
      const files = readdirSync(outDir);
      expect(files).toEqual(expect.arrayContaining(['main.js', 'parse-worker.js', 'aggregate-worker.js']));
    } finally {
      rmSync(dirname(outDir), { recursive: true, force: true });
    }
  });
});
