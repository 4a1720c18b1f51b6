/**
 * The command line's own surface: `tallyroom --help`, every command's `--help`, `--version`, and that
 * those load nothing of the domain (no database, no schemas): they answer from the command table.
 * Run as real subprocesses of the built command (tests/helpers/test-programs.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TABLE } from '../../scripts/cli/command-table';
import { testProgram } from '../helpers/test-programs';

const REPO = resolve(import.meta.dirname, '../..');
const DEMO = join(REPO, 'resources/demo');
let work: string;

function tallyroom(args: readonly string[], nodeArgs: readonly string[] = []) {
  const run = spawnSync(process.execPath, [...nodeArgs, testProgram('tallyroom'), ...args], {
    cwd: work,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-cli-help-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tallyroom --help', () => {
  it('lists every command and exits 0', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const run = tallyroom([flag]);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      for (const command of COMMAND_TABLE) expect(run.stdout).toMatch(new RegExp(`^  ${command.name} `, 'm'));
    }
  });

  it('prints the list on stderr and exits 2 when no command is given', () => {
    const run = tallyroom([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: tallyroom <command>/);
  });

  it('names an unknown command and where the list is, exit 2', () => {
    const run = tallyroom(['stauts']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('"stauts" is not a tallyroom command; run "tallyroom --help" for the list.');
  });
});

describe('tallyroom <command> --help', () => {
  it.each(COMMAND_TABLE.map((command) => command.name))('%s --help prints its usage and exits 0', (name) => {
    const usage = COMMAND_TABLE.find((command) => command.name === name)?.usage;
    for (const args of [
      [name, '--help'],
      [name, '-h'],
      ['help', name],
      [name, '--db', 'x.db', '--help'],
    ]) {
      const run = tallyroom(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(`${usage}\n`);
      expect(run.stdout.startsWith(`tallyroom ${name}`)).toBe(true);
    }
  });

  it('a --help after "--" is a file name, not a request for help', () => {
    const run = tallyroom(['check', '--', '--help']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--help/);
  });

  it('an unknown option points at the command’s own help', () => {
    const run = tallyroom(['status', '--dbb', 'x.db']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--dbb'.*Run "tallyroom status --help" for its options\./);
  });

  it('every option a command accepts is named in its usage', () => {
    // Each command's options are its modules' parseArgs options (hub: hub.ts and hub-pairing-code.ts);
    // a module shared by two commands (backup.ts: backup and restore) is checked against both usages.
    const table = readFileSync(join(REPO, 'scripts/cli/command-table.ts'), 'utf8');
    const namesOf = new Map<string, string[]>();
    for (const block of table.split(/^ {4}name: /m).slice(1)) {
      const name = /^'([a-z-]+)'/.exec(block)?.[1] ?? '';
      for (const [, module = ''] of block.matchAll(/import\('\.\/commands\/([a-z-]+)'\)/g)) {
        namesOf.set(module, [...(namesOf.get(module) ?? []), name]);
      }
    }
    expect(new Set([...namesOf.values()].flat())).toEqual(new Set(COMMAND_TABLE.map((command) => command.name)));
    for (const [module, names] of namesOf) {
      const usages = names.map((name) => COMMAND_TABLE.find((command) => command.name === name)?.usage).join('\n');
      const source = readFileSync(join(REPO, 'scripts/cli/commands', `${module}.ts`), 'utf8');
      for (const [, option] of source.matchAll(/^\s+'?([a-z][a-z-]*)'?: \{ type: '(?:string|boolean)'/gm)) {
        expect(usages, `${names.join('/')} --help must name --${option}`).toMatch(new RegExp(`--${option}\\b`));
      }
    }
  });
});

describe('tallyroom --version', () => {
  it('prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    const run = tallyroom(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`tallyroom ${version}\n`);
  });
});

describe('what a command loads', () => {
  /**
   * Records every module the process resolves (Node's module hooks, registered before the program
   * starts) and, for the built program's own files, whether they hold domain code: esbuild's
   * output names each source module it includes in a comment ("// electron/core/...").
   */
  function loadedBy(args: readonly string[]) {
    const log = join(work, `loaded-${args.join('-').replace(/[^a-z-]/gi, '')}.txt`);
    writeFileSync(log, '');
    const hooks = join(work, 'record-hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.TALLYROOM_LOADED_LOG, resolved.url + '\\n');
  return resolved;
}
`,
    );
    const register = join(work, 'record-register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    const run = spawnSync(process.execPath, ['--import', register, testProgram('tallyroom'), ...args], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, TALLYROOM_LOADED_LOG: log },
    });
    expect(run.status, run.stderr).toBe(0);
    const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const built = dirname(testProgram('tallyroom'));
    const ownFiles = urls.filter((url) => url.startsWith(pathToFileURL(built).href));
    // The built programs sit under node_modules/.cache: packages are the other node_modules files.
    const packages = urls.filter((url) => url.includes('/node_modules/') && !ownFiles.includes(url));
    const domainFiles = ownFiles.filter((url) => /^\/\/ electron\/core\//m.test(readFileSync(new URL(url), 'utf8')));
    return { urls, ownFiles, packages, domainFiles };
  }

  it('--version and --help load no package and no domain code', () => {
    for (const args of [['--version'], ['--help'], ['status', '--help']]) {
      const loaded = loadedBy(args);
      expect(loaded.ownFiles.length).toBeGreaterThan(0);
      expect(loaded.packages).toEqual([]);
      expect(loaded.domainFiles).toEqual([]);
    }
  });

  it('status loads the database and the domain (what the test above would see if they were loaded)', () => {
    const dbPath = join(work, 'county.db');
    const init = tallyroom(['init', '--db', dbPath, '--county', join(DEMO, 'county.csv')]);
    expect(init.code, init.stderr).toBe(0);
    const loaded = loadedBy(['status', '--db', dbPath, '--json']);
    expect(loaded.packages.some((url) => url.includes('/node_modules/better-sqlite3/'))).toBe(true);
    expect(loaded.domainFiles.length).toBeGreaterThan(0);
  });

  it('the built programs hold every worker thread the code starts', () => {
    const files = readdirSync(dirname(testProgram('tallyroom')));
    expect(files).toEqual(expect.arrayContaining(['parse-worker.js', 'aggregate-worker.js']));
  });
});
