import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkResultsFile } from '../../../electron/core/check/check-results-file';
import { buildCountyView } from '../../../electron/core/county/county-view';
import { currentPrecinctResults } from '../../../electron/core/county/current-results';
import { buildOverview } from '../../../electron/core/county/overview';
import { loadDemoCounty } from '../../../electron/core/demo/load-demo-county';
import { writePrecinctResultsCsv } from '../../../electron/core/results-file/write-results';
import { openCountyStore } from '../../../electron/core/store';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { DEMO_KEY_PASSPHRASE, exportDemoBundle } from './demo-bundle';

const RESOURCES_DIR = resolve(import.meta.dirname, '../../../resources');

/**
 * tallyroom demo [--dir DIR]: the whole pipeline on the built-in demo county — a county database,
 * USB files imported, worksheets keyed, every precinct checked, current results written — and a summary.
 */
export async function demoCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: { dir: { type: 'string', default: 'tallyroom-demo' }, json: { type: 'boolean', default: false } },
  });
  const dir = resolve(io.cwd, values.dir);
  const dbPath = join(dir, 'county.db');
  if (existsSync(dbPath)) {
    throw new UsageError(`${dbPath} already exists; choose another --dir or remove it to run the demo again.`);
  }
  mkdirSync(dir, { recursive: true });
  const store = openCountyStore(dbPath);
  try {
    const loaded = loadDemoCounty(store, RESOURCES_DIR, 'Demo', () => new Date());
    if (!loaded.ok) {
      store.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
      io.err(loaded.error.message);
      return EXIT.badInput;
    }
    const election = store.getElection();
    if (!election) throw new Error('demo county missing after loading');
    const view = buildCountyView(store, election);
    const overview = buildOverview(view);
    const resultsCsv = writePrecinctResultsCsv(currentPrecinctResults(view), election.county);
    writeFileSync(join(dir, 'results.csv'), resultsCsv);
    const check = checkResultsFile('results.csv', Buffer.from(resultsCsv), election.rulesProfile);
    if (check.ok) writeFileSync(join(dir, 'check.json'), `${JSON.stringify(check.value, null, 2)}\n`);
    const bundle = exportDemoBundle(store, dir);

    const summary = {
      dir,
      database: dbPath,
      county: election.county,
      election: election.name,
      rulesProfile: election.rulesProfile,
      filesImported: loaded.value.filesImported,
      worksheetsEntered: loaded.value.worksheetsEntered,
      precincts: overview.statusCounts,
      findings: overview.findingCounts,
      totals: overview.candidateTotals,
      files: { results: join(dir, 'results.csv'), check: join(dir, 'check.json') },
      bundle,
    };
    if (values.json) {
      printJson(io, summary);
      return EXIT.ok;
    }
    const counts = overview.statusCounts;
    io.out(`${election.county} — ${election.name}`);
    io.out(`Database: ${dbPath}`);
    io.out(`Imported ${loaded.value.filesImported} USB files and keyed ${loaded.value.worksheetsEntered} worksheets.`);
    io.out(
      `Precincts: ${counts.total} — missing ${counts.missing}, received ${counts.received}, conflict ${counts.conflict}, verified ${counts.verified}, certified ${counts.certified}`,
    );
    const findingList = Object.entries(overview.findingCounts);
    io.out(`Findings: ${findingList.length ? findingList.map(([code, n]) => `${code} ${n}`).join(', ') : 'none'}`);
    io.out(`\nCounty totals (${overview.precinctsCounted} precincts counted):`);
    const width = Math.max(...overview.candidateTotals.map((total) => total.candidate.length));
    const most = Math.max(1, ...overview.candidateTotals.map((total) => total.sde));
    for (const total of overview.candidateTotals) {
      const bar = '█'.repeat(Math.round((total.sde / most) * 30));
      io.out(
        `  ${total.candidate.padEnd(width)}  first ${String(total.firstAlignment).padStart(5)}  final ${String(total.finalAlignment).padStart(5)}  delegates ${String(total.delegates).padStart(3)}  SDE ${total.sde.toFixed(4).padStart(8)}  ${bar}`,
      );
    }
    io.out(`\nWrote ${summary.files.results} and ${summary.files.check}.`);
    io.out(`Signed bundle ${bundle.sequence} (${bundle.status}): ${bundle.path}`);
    io.out(`  demo county key in ${bundle.keyDir} (passphrase "${DEMO_KEY_PASSPHRASE}"), key id ${bundle.keyId}`);
    io.out(`  bundle fingerprint ${bundle.readableFingerprint}`);
    io.out(`  check it: tallyroom verify ${bundle.path} --pubkey ${bundle.publicKey}`);
    return EXIT.ok;
  } finally {
    if (store.isOpen) store.close();
  }
}
