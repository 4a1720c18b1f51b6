import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCounty } from '../county/county-setup';
import { importResultsFile } from '../intake/import-results-file';
import type { ElectionInfo } from '../model/county';
import { DEMO_TEAM } from '../model/demo-team';
import type { CoinToss } from '../model/precinct-result';
import type { ReportSource, WorksheetLine } from '../model/report';
import type { RulesProfileId } from '../model/rules-profile';
import { addOperator } from '../operators/operator-accounts';
import { type AppError, appError, ok, type Result } from '../result';
import { parseCountyDefinition } from '../results-file/county-definition';
import { readTable } from '../results-file/table';
import type { CountyStore } from '../store/county-store';
import { submitWorksheet } from '../worksheet/submit-worksheet';

interface DemoEntry {
  precinct: string;
  lines: WorksheetLine[];
  coinTosses: CoinToss[];
  operator: string;
  source: ReportSource;
}

export interface DemoLoadSummary {
  readonly election: ElectionInfo;
  readonly filesImported: number;
  readonly worksheetsEntered: number;
}

/**
 * The built-in demo county (resources/demo, made by scripts/demo/generate-demo-county.ts):
 * set up from its definition, then its USB files imported and its worksheets keyed in through
 * the same code paths a county uses on caucus night.
 */
export function loadDemoCounty(
  store: CountyStore,
  resourcesDir: string,
  operator: string,
  now: () => Date,
): Result<DemoLoadSummary, AppError> {
  const demoDir = join(resourcesDir, 'demo');
  let election: { name: string; date: string; rulesProfile: RulesProfileId };
  let entries: DemoEntry[];
  let definitionBytes: Uint8Array;
  try {
    election = JSON.parse(readFileSync(join(demoDir, 'election.json'), 'utf8'));
    entries = (JSON.parse(readFileSync(join(demoDir, 'entries.json'), 'utf8')) as { entries: DemoEntry[] }).entries;
    definitionBytes = readFileSync(join(demoDir, 'county.csv'));
  } catch {
    return appError('DEMO_MISSING', `The demo county files are missing from ${demoDir}; reinstall Tallyroom.`);
  }
  const table = readTable('county.csv', definitionBytes);
  if (!table.ok) return table;
  const setup = parseCountyDefinition(table.value, 'county.csv', {
    rulesProfile: election.rulesProfile,
    electionName: election.name,
    date: election.date,
  });
  if (!setup.ok) return setup;
  const countySetup = setup.value;
  // One transaction: a demo that fails half way leaves the database as it was.
  return store.transaction(() => {
    const created = createCounty(store, countySetup, operator, now().toISOString());
    if (!created.ok) return created;
    for (const member of DEMO_TEAM) {
      const added = addOperator(store, member, operator, now().toISOString(), { publicDemoPin: true });
      if (!added.ok) return added;
    }
    return importDemoReports(store, demoDir, entries, now, created.value);
  });
}

function importDemoReports(
  store: CountyStore,
  demoDir: string,
  entries: DemoEntry[],
  now: () => Date,
  election: ElectionInfo,
): Result<DemoLoadSummary, AppError> {
  const usbDir = join(demoDir, 'usb');
  const files = readdirSync(usbDir)
    .filter((name) => name.endsWith('.csv'))
    .sort();
  for (const fileName of files) {
    const imported = importResultsFile(store, {
      fileName,
      bytes: readFileSync(join(usbDir, fileName)),
      source: 'usb',
      operator: 'USB desk',
      at: now().toISOString(),
    });
    if (!imported.ok) return imported;
  }
  for (const entry of entries) {
    const saved = submitWorksheet(store, entry, now().toISOString());
    if (!saved.ok) return saved;
  }
  return ok({ election, filesImported: files.length, worksheetsEntered: entries.length });
}
