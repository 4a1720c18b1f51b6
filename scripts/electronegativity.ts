/**
 * Electronegativity (Doyensec) over the built app (out/): fails when any finding is above LOW.
 * Two checks are left out because they download Electron's release list, impossible offline;
 * the Electron version is pinned in package.json instead.
 *   npx tsx scripts/electronegativity.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const report = join(root, '.test-output', 'electronegativity.sarif');
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
// SARIF: Electronegativity writes LOW and INFORMATIONAL findings as level "note", MEDIUM as
// "warning", HIGH and CRITICAL as "error". (Its CSV output is not valid CSV, so SARIF it is.)
interface SarifResult {
  ruleId: string;
  level?: string;
  message: { text: string };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[];
}
const sarif = JSON.parse(readFileSync(report, 'utf8')) as { runs: { results: SarifResult[] }[] };
const findings = sarif.runs.flatMap((run) => run.results);
const aboveLow = findings.filter((finding) => !['note', 'none'].includes(finding.level ?? 'warning'));
for (const finding of findings) {
  const where = finding.locations?.[0]?.physicalLocation;
  console.log(
    `  ${(finding.level ?? '?').padEnd(8)} ${finding.ruleId}  ${where?.artifactLocation?.uri}:${where?.region?.startLine}  ${finding.message.text}`,
  );
}
console.log(
  `Electronegativity: ${findings.length} findings, ${aboveLow.length} above LOW (report: .test-output/electronegativity.sarif).`,
);
process.exit(aboveLow.length > 0 ? 1 : 0);
