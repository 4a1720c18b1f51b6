#!/usr/bin/env node
/**
 * Builds the `tallyroom` command into plain JavaScript (out/cli/), so a command starts as plain
 * `node` instead of compiling a few hundred TypeScript modules through tsx at every start.
 * `npm ci` / `npm install` run it (the `prepare` script); `npm run build:cli` runs it by hand.
 * tests/helpers/test-programs.ts builds the programs the tests start with the same function.
 *
 * - esbuild (the compiler tsx uses) bundles our own modules and a few pure JavaScript packages
 *   (COMPILED_IN_PACKAGES); the other packages load from node_modules as they do from source.
 * - Code splitting: out/cli/main.js holds only the command table and the dispatcher; each
 *   command's modules (and the packages they import) are chunks loaded when that command runs,
 *   so `tallyroom --version` and `--help` load no database, schema or domain code.
 * - Worker threads (big report files, bundle verification) are entries of their own, written
 *   beside the chunks, where the code looks for them (`new URL('./parse-worker.js', import.meta.url)`).
 * - `import.meta.dirname` keeps meaning the source module's folder (resources/, package.json are
 *   found from it), as a path relative to the built file: the checkout can move after a build.
 * - out/cli/manifest.json lists the sources (all, and those behind each command) and when the
 *   build began: scripts/bin/tallyroom.mjs runs the build only while none of them is newer.
 *
 * It never fails an install: without esbuild it says so and the command runs through tsx.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const CLI_OUT_DIR = join(REPO_ROOT, 'out/cli');
export const CLI_MANIFEST = 'manifest.json';

/** The worker threads our modules start, by the file name they look for beside themselves. */
export const WORKER_ENTRIES = {
  'parse-worker': 'electron/core/intake/parse-worker.ts',
  'aggregate-worker': 'electron/core/bundle/aggregate-worker.ts',
};

/** What out/cli holds: the command's entry (exports runCli) and the workers. */
const CLI_ENTRIES = { main: 'scripts/cli/main.ts', ...WORKER_ENTRIES };

/** `import.meta.dirname` / `filename` of each source module, reached from the built file's folder. */
function keepSourceLocation(outDir) {
  return {
    name: 'keep-source-location',
    setup(bundler) {
      bundler.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
        const fromOut = relative(outDir, dirname(args.path)).split(sep).join('/');
        const dir = `(import.meta.dirname + ${JSON.stringify(`/${fromOut}`)})`;
        const file = `(import.meta.dirname + ${JSON.stringify(`/${fromOut}/${basename(args.path)}`)})`;
        const source = readFileSync(args.path, 'utf8')
          .replaceAll('import.meta.dirname', dir)
          .replaceAll('import.meta.filename', file);
        return { contents: source, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

/**
 * Pure JavaScript packages compiled into the build with our code (with what they import): loading
 * them as hundreds of separate CommonJS files, each resolved and scanned for its exports, was most
 * of a hub's start (1.6 s of CPU -> 1.0 s here). Every other package stays in node_modules and loads
 * from there as from source: better-sqlite3 (a compiled module), tesseract.js (starts workers from
 * its own files), selfsigned and the rest. A package added here must find nothing relative to its
 * own files (__dirname, require.resolve) when loaded.
 */
const COMPILED_IN_PACKAGES = new Set([
  'pdf-lib',
  'zod',
  'qrcode',
  'jsqr',
  'xlsx',
  'fflate',
  'pngjs',
  'jpeg-js',
  'postal-mime',
  'imapflow',
]);

const packageName = (specifier) => specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/');

/** Our sources' imports of packages outside COMPILED_IN_PACKAGES stay imports; the rest is bundled. */
const externalPackages = {
  name: 'external-packages',
  setup(bundler) {
    bundler.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point' || args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
      return COMPILED_IN_PACKAGES.has(packageName(args.path)) ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * CommonJS packages compiled into an ES module call require() (Node's built-in modules): each
 * built file gets one, as Node gives every CommonJS file its own.
 */
const REQUIRE_BANNER =
  "import { createRequire as __tallyroomCreateRequire } from 'node:module'; const require = __tallyroomCreateRequire(import.meta.url);";

/**
 * Builds `entries` ({ name: path from the repository root }) into `outDir` as ES modules named
 * `<name>.js`, plus the worker entries. Returns esbuild's metafile (what each output holds).
 */
export async function buildPrograms(entries, outDir) {
  const { build } = await import('esbuild');
  const entryPoints = Object.fromEntries(
    Object.entries({ ...entries, ...WORKER_ENTRIES }).map(([name, source]) => [name, join(REPO_ROOT, source)]),
  );
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints,
    outdir: outDir,
    absWorkingDir: REPO_ROOT,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: REQUIRE_BANNER },
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    plugins: [externalPackages, keepSourceLocation(outDir)],
    logLevel: 'error',
  });
  // .js files are ES modules here even where no package.json above says so (node_modules/.cache).
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');
  return result.metafile;
}

const isOwnSource = (input) => !input.includes('node_modules');

/**
 * The sources behind each command, so the bin checks only what the command it runs is built
 * from (a stat per file: all of them would cost --version a fifth of its time). `entry` is
 * main.js with what it imports (--help, --version); each command adds its own chunks, found
 * from the chunks its loader imports.
 */
async function sourcesByCommand(metafile, outDir) {
  const outputs = Object.fromEntries(
    Object.entries(metafile.outputs).map(([path, output]) => [basename(path), output]),
  );
  const closure = (file, withDynamic) => {
    const seen = new Set();
    const visit = (name) => {
      if (seen.has(name) || !outputs[name]) return;
      seen.add(name);
      for (const imported of outputs[name].imports) {
        if (imported.external || (imported.kind === 'dynamic-import' && !withDynamic)) continue;
        visit(basename(imported.path));
      }
    };
    visit(file);
    return seen;
  };
  const sourcesOf = (files) => [
    ...new Set([...files].flatMap((file) => Object.keys(outputs[file].inputs).filter(isOwnSource))),
  ];
  const entryFiles = closure('main.js', false);
  const { COMMAND_TABLE } = await import(pathToFileURL(join(outDir, 'main.js')).href);
  const commands = {};
  for (const command of COMMAND_TABLE) {
    // The chunk files its loader imports (any module runner's rewriting of import() aside).
    const chunks = [...command.load.toString().matchAll(/["']([^"']+\.js)["']/g)].map((match) => basename(match[1]));
    // A loader this cannot read: the command is checked against every source.
    if (chunks.length > 0 && chunks.every((chunk) => outputs[chunk])) {
      const files = new Set(entryFiles);
      for (const chunk of chunks) for (const file of closure(chunk, true)) files.add(file);
      commands[command.name] = sourcesOf(files);
    }
  }
  return { entry: sourcesOf(entryFiles), commands };
}

/** Builds out/cli (or `outDir`): into a fresh folder first, then swapped in, so a command never sees half a build. */
export async function buildCli(outDir = CLI_OUT_DIR) {
  const startedAt = Date.now();
  const building = `${outDir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  let manifest;
  try {
    const metafile = await buildPrograms(CLI_ENTRIES, building);
    const all = Object.keys(metafile.inputs).filter(isOwnSource);
    manifest = { builtAt: startedAt, all, ...(await sourcesByCommand(metafile, building)) };
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  writeFileSync(join(building, CLI_MANIFEST), `${JSON.stringify(manifest)}\n`);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(building, outDir);
  return { sources: manifest.all.length, ms: Date.now() - startedAt };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    const built = await buildCli();
    console.log(`tallyroom: command line built into out/cli (${built.sources} sources, ${built.ms} ms)`);
  } catch (error) {
    // An install must not fail over this: the command still runs, through tsx.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.warn(`tallyroom: the command line was not built (${reason}); it runs through tsx, more slowly.`);
  }
}
