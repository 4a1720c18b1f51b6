/**
 * Electronegativity (Doyensec) over the built app (out/): fails when any finding is above LOW.
 * Two checks are left out because they download Electron's release list, impossible offline;
 * the Electron version is pinned in package.json instead.
 *   npx tsx scripts/electronegativity.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../electron/core/results-file/csv';

const root = join(import.meta.dirname, '..');
const report = join(root, '.test-output', 'electronegativity.csv');
mkdirSync(join(root, '.test-output'), { recursive: true });
if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  console.error('The app is not built: run "npx electron-vite build" first.');
  process.exit(2);
}
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const run = spawnSync(
  join(root, 'node_modules/.bin/electronegativity'),
  [
    ...['-i', join(root, 'out'), '-e', electronVersion, '-r', '-o', report],
    ...['-x', 'AvailableSecurityFixesGlobalCheck,ElectronVersionJSONCheck'],
  ],
  { cwd: root, encoding: 'utf8' },
);
if (run.status !== 0 || !existsSync(report)) {
  console.error(run.stdout, run.stderr);
  console.error('Electronegativity did not run.');
  process.exit(1);
}
const parsed = parseCsv(readFileSync(report, 'utf8'));
if (!parsed.ok) {
  console.error(`The Electronegativity report could not be read: ${parsed.error.message}`);
  process.exit(1);
}
const [header = [], ...rows] = parsed.value;
const column = (name: string) => header.findIndex((cell) => cell.trim().toLowerCase() === name);
const [issueAt, severityAt, fileAt, locationAt] = ['issue', 'severity', 'filename', 'location'].map(column);
const findings = rows.filter((row) => row.length > 1);
const aboveLow = findings.filter((row) => !/^(LOW|INFORMATIONAL)$/i.test((row[severityAt as number] ?? '').trim()));
for (const row of findings) {
  console.log(
    `  ${row[severityAt as number]?.padEnd(8)} ${row[issueAt as number]}  ${row[fileAt as number]}:${row[locationAt as number]}`,
  );
}
console.log(
  `Electronegativity: ${findings.length} findings, ${aboveLow.length} above LOW (report: .test-output/electronegativity.csv).`,
);
process.exit(aboveLow.length > 0 ? 1 : 0);
