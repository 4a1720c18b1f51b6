/**
 * A process the crash test kills at random moments: it imports every results file in a folder,
 * or keys worksheets, into a county database, as the app would, one transaction at a time.
 *   node --import tsx tests/helpers/crash-worker.ts import DB FOLDER
 *   node --import tsx tests/helpers/crash-worker.ts worksheets DB COUNT
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '../../electron/core/api';
import { importResultsFile } from '../../electron/core/intake/import-results-file';
import { openCountyStore } from '../../electron/core/store';

const [mode, dbPath, argument] = process.argv.slice(2) as [string, string, string];
const store = openCountyStore(dbPath);
process.stdout.write('ready\n');

if (mode === 'import') {
  for (const name of readdirSync(argument).sort()) {
    const result = importResultsFile(store, {
      fileName: name,
      bytes: readFileSync(join(argument, name)),
      source: 'usb',
      operator: 'crash test',
      at: new Date().toISOString(),
    });
    if (!result.ok) throw new Error(result.error.message);
    // Tells the test where the worker is, so each kill lands among real writes, not duplicates.
    if (result.value.outcome === 'imported') process.stdout.write('imported\n');
  }
} else {
  const api = createApi({ store, resourcesDir: join(import.meta.dirname, '../../resources') });
  const precincts = store.listPrecincts();
  const candidates = store.listCandidates();
  for (let index = 0; index < Number(argument); index++) {
    const precinct = precincts[index % precincts.length];
    if (!precinct) break;
    const saved = await api.submitWorksheet({
      precinct: precinct.code,
      lines: candidates.map((candidate, position) => ({
        candidate: candidate.name,
        firstAlignment: 10 + position,
        finalAlignment: 10 + position,
        delegatesAwarded: null,
      })),
      coinTosses: [],
      operator: 'crash test',
      source: 'manual',
    });
    if (!saved.ok) throw new Error(saved.error.message);
    process.stdout.write('imported\n');
  }
}
store.close();
process.stdout.write('done\n');
