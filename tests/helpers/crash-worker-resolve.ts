/**
 * A process the crash test kills while the chair resolves discrepancies: one resolution at a time,
 * through the real API, as the Discrepancies screen does.
 *   node --import tsx tests/helpers/crash-worker-resolve.ts DB SESSION
 */
import { join } from 'node:path';
import { createApi } from '../../electron/core/api';
import { openCountyStore } from '../../electron/core/store';

const [dbPath, session] = process.argv.slice(2) as [string, string];
const store = openCountyStore(dbPath);
// The test county's night (its sessions were signed in then), a second per call.
let tick = Date.parse('2026-02-03T03:00:00Z') + Math.floor(Math.random() * 1000) * 1000;
const api = createApi({
  store,
  resourcesDir: join(import.meta.dirname, '../../resources'),
  clock: () => {
    tick += 1000;
    return new Date(tick);
  },
});
process.stdout.write('ready\n');
const queue = await api.getDiscrepancies({});
if (!queue.ok) throw new Error(queue.error.message);
for (const discrepancy of queue.value) {
  const chosen = discrepancy.reports[0];
  if (!chosen) continue;
  const resolved = await api.resolveDiscrepancy({
    session,
    precinct: discrepancy.precinct.code,
    settles: discrepancy.reports.map((report) => report.id),
    chosenReportId: chosen.id,
    reason: 'Checked against the paper worksheet.',
  });
  if (!resolved.ok) throw new Error(resolved.error.message);
  // Tells the test where the worker is, so each kill lands among real writes.
  process.stdout.write('imported\n');
}
store.close();
process.stdout.write('done\n');
