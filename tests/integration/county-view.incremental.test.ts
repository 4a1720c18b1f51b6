/**
 * The county view keeps what it derived from each report between reads and reads only
 * the reports received since (county-view-cache.ts). Whatever happens in a county night, what it
 * shows must be exactly what deriving everything from scratch shows: statuses, findings, totals.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorksheetLine } from '../../electron/core/api';
import { countyCertificationOf } from '../../electron/core/county/county-certification';
import {
  buildCountyView,
  type CountyView,
  toPrecinctResult,
  toReportView,
} from '../../electron/core/county/county-view';
import { currentPrecinctResults } from '../../electron/core/county/current-results';
import { buildOverview } from '../../electron/core/county/overview';
import { decisionsOf, verificationOf } from '../../electron/core/county/precinct-decisions';
import { importResultsFile } from '../../electron/core/intake/import-results-file';
import { storeReport } from '../../electron/core/intake/store-report';
import { appError } from '../../electron/core/result';
import { checkPrecinct } from '../../electron/core/rules/check';
import { derivePrecinctStatus } from '../../electron/core/status/derive-status';
import { openCountyStore } from '../../electron/core/store';
import type { CountyStore } from '../../electron/core/store/county-store';
import { listPrecinctHistories } from '../../electron/core/store/verification-records';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, type TempCounty, tempCounty } from '../helpers/temp-county';

const CHAIR = { name: 'Pat Chair', pin: '654321' } as const;
const CANDIDATES = ['Adams', 'Baker', 'Castillo', 'Diaz', 'Evans', 'Fox'];
const PRECINCTS = 24;

/** Mulberry32: the same county night on every run. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The county view as it was derived before the cache: every report read and checked again. */
function countyViewFromScratch(store: CountyStore): CountyView {
  const election = store.getElection();
  if (!election) throw new Error('no county');
  const candidates = store.listCandidates();
  const histories = listPrecinctHistories(store);
  const reports = store
    .listReports()
    .map((report) => ({ precinctId: report.precinctId, view: toReportView(report, candidates) }));
  return {
    election,
    candidates,
    precincts: store.listPrecincts().map((precinct) => {
      const own = reports.filter((report) => report.precinctId === precinct.id).map((report) => report.view);
      const history = histories.get(precinct.id);
      const derived = derivePrecinctStatus(own, decisionsOf(history));
      const result = derived.current ? toPrecinctResult(precinct, derived.current, election) : null;
      return {
        precinct,
        status: derived.status,
        statusReason: derived.reason,
        reports: own,
        current: derived.current,
        result,
        findings: result ? checkPrecinct(election.rulesProfile, result) : [],
        verification: verificationOf(history, derived),
      };
    }),
    countyCertification: countyCertificationOf(store, histories),
  };
}

/** What the app shows from a view, as plain data. */
function shown(view: CountyView) {
  return JSON.parse(JSON.stringify({ view, overview: buildOverview(view), results: currentPrecinctResults(view) }));
}

function expectSameAsFromScratch(store: CountyStore): void {
  const election = store.getElection();
  if (!election) throw new Error('no county');
  expect(shown(buildCountyView(store, election))).toEqual(shown(countyViewFromScratch(store)));
}

let county: TempCounty;
let sessions: string[];
beforeEach(async () => {
  county = tempCounty();
  const random = prng(8);
  expectOk(
    await county.api.createCounty({
      chair: CHAIR,
      setup: {
        county: 'Story County',
        name: 'Story County Caucus',
        date: '2026-02-02',
        rulesProfile: 'iowa-dem-2020',
        sdePerDelegate: 0.25,
        precincts: Array.from({ length: PRECINCTS }, (_, index) => ({
          code: `S-${String(index + 1).padStart(2, '0')}`,
          name: `Story ${index + 1}`,
          delegates: 1 + Math.floor(random() * 8),
        })),
        candidates: CANDIDATES,
      },
    }),
  );
  const chair = expectOk(await county.api.signIn(CHAIR)).session;
  sessions = [chair];
  for (const [name, pin] of [
    ['Jordan Lee', '1111'],
    ['Sam Ortiz', '2222'],
  ] as const) {
    expectOk(await county.api.addOperator({ session: chair, name, role: 'entry', pin }));
    sessions.push(expectOk(await county.api.signIn({ name, pin })).session);
  }
});
afterEach(() => county.cleanup());

const code = (index: number) => `S-${String(index + 1).padStart(2, '0')}`;

/** A worksheet for precinct `index`: its true numbers, or (variant > 0) one number off, some with delegates typed in. */
function worksheet(index: number, variant: number): WorksheetLine[] {
  const random = prng(1000 + index);
  return CANDIDATES.map((candidate, line) => {
    const first = Math.floor(random() * 60);
    const final = line === 0 && variant > 0 ? first + variant : first;
    return {
      candidate,
      firstAlignment: first,
      finalAlignment: final,
      // A typed-in delegate count the rules may disagree with: a finding.
      delegatesAwarded: variant === 2 ? 1 : null,
    };
  });
}

describe('the county view kept between reads', () => {
  it('shows exactly what deriving everything from scratch shows, edit after edit of a county night', async () => {
    const random = prng(42);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    expectSameAsFromScratch(county.store);
    let files = 0;
    for (let step = 0; step < 70; step++) {
      const index = Math.floor(random() * PRECINCTS);
      const action = random();
      if (action < 0.5) {
        await county.api.submitWorksheet({
          session: pick(sessions),
          precinct: code(index),
          lines: worksheet(index, random() < 0.25 ? pick([1, 2]) : 0),
          coinTosses: [],
          source: pick(['manual', 'phone'] as const),
        });
      } else if (action < 0.65) {
        const rows = [0, 1, 2].map((offset) => (index + offset) % PRECINCTS);
        const csv = [
          'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde',
          ...rows.flatMap((row) =>
            worksheet(row, 0).map(
              (line) =>
                `Story County,${code(row)},,0.25,${line.candidate},${line.firstAlignment},${line.finalAlignment},,`,
            ),
          ),
        ].join('\n');
        expectOk(
          importResultsFile(county.store, {
            fileName: `usb-${++files}.csv`,
            bytes: new TextEncoder().encode(`${csv}\n${'\n'.repeat(files)}`),
            source: 'usb',
            operator: 'Jordan Lee',
            at: `2026-02-03T02:${String(files).padStart(2, '0')}:00.000Z`,
          }),
        );
      } else if (action < 0.8) {
        const detail = expectOk(await county.api.getPrecinct({ precinct: code(index) }));
        if (detail.status === 'conflict') {
          await county.api.resolveDiscrepancy({
            session: sessions[0] as string,
            precinct: code(index),
            settles: detail.reports.map((report) => report.id),
            chosenReportId: detail.reports[0]?.id,
            reason: 'The first report matches the worksheet.',
          });
        }
      } else if (action < 0.92) {
        await county.api.certifyPrecinct({ session: sessions[0] as string, pin: CHAIR.pin, precinct: code(index) });
      } else {
        await county.api.submitRecount({
          session: sessions[0] as string,
          precinct: code(index),
          lines: worksheet(index, 1),
          coinTosses: [],
          reason: 'Hand recount asked for by the precinct chair.',
        });
      }
      expectSameAsFromScratch(county.store);
    }
    // The night had every kind of precinct in it, or this test proves less than it says.
    const statuses = new Set(expectOk(await county.api.getOverview({})).precincts.map((precinct) => precinct.status));
    expect([...statuses].sort()).toEqual(['certified', 'conflict', 'missing', 'received', 'verified']);
  });

  it('forgets a report whose transaction rolled back, even when the next report takes its id', async () => {
    const election = county.store.getElection();
    if (!election) throw new Error('no county');
    const keyed = (index: number, variant: number) => ({
      precinct: code(index),
      lines: worksheet(index, variant).map((line) => ({ ...line, sde: null })),
      coinTosses: [],
      source: 'manual' as const,
      operator: 'Jordan Lee',
      at: '2026-02-03T02:00:00.000Z',
      importFileId: null,
      fileName: null,
      content: JSON.stringify({ index, variant }),
    });
    expectOk(county.store.transaction(() => storeReport(county.store, keyed(0, 0))));
    expectSameAsFromScratch(county.store);
    let seenInside = 0;
    county.store.transaction(() => {
      expectOk(storeReport(county.store, keyed(1, 2)));
      seenInside = buildCountyView(county.store, election).precincts[1]?.reports.length ?? -1;
      return appError('INTERNAL', 'rolled back on purpose');
    });
    expect(seenInside).toBe(1);
    expectSameAsFromScratch(county.store);
    // The same id again, for another precinct, with other numbers: kept from a committed read this time.
    const again = expectOk(county.store.transaction(() => storeReport(county.store, keyed(2, 1))));
    expect(again).toBe(2);
    expectSameAsFromScratch(county.store);
    expect(buildCountyView(county.store, election).precincts[1]?.reports).toEqual([]);
  });

  it('sees reports another connection to the same file stored', async () => {
    const election = county.store.getElection();
    if (!election) throw new Error('no county');
    expectOk(
      await county.api.submitWorksheet({
        session: sessions[1] as string,
        precinct: code(3),
        lines: worksheet(3, 0),
        coinTosses: [],
        source: 'manual',
      }),
    );
    expectSameAsFromScratch(county.store);
    const other = openCountyStore(county.dbPath);
    try {
      expectOk(
        other.transaction(() =>
          storeReport(other, {
            precinct: code(3),
            lines: worksheet(3, 1).map((line) => ({ ...line, sde: null })),
            coinTosses: [],
            source: 'phone',
            operator: 'Sam Ortiz',
            at: '2026-02-03T02:05:00.000Z',
            importFileId: null,
            fileName: null,
            content: '{"from":"another connection"}',
          }),
        ),
      );
    } finally {
      other.close();
    }
    expect(buildCountyView(county.store, election).precincts[3]?.status).toBe('conflict');
    expectSameAsFromScratch(county.store);
  });

  it('reads everything again when the database no longer holds what it read (a file restored under it)', async () => {
    const election = county.store.getElection();
    if (!election) throw new Error('no county');
    const report = (index: number, variant: number) => ({
      precinct: code(index),
      lines: worksheet(index, variant).map((line) => ({ ...line, sde: null })),
      coinTosses: [],
      source: 'manual' as const,
      operator: 'Jordan Lee',
      at: '2026-02-03T02:00:00.000Z',
      importFileId: null,
      fileName: null,
      content: JSON.stringify({ index, variant }),
    });
    expectOk(county.store.transaction(() => storeReport(county.store, report(4, 0))));
    expect(buildCountyView(county.store, election).precincts[4]?.reports).toHaveLength(1);
    // What only a different file could do: the report read is gone and another has its id.
    rawDatabase(
      county.store,
    ).exec(`DROP TRIGGER report_is_append_only_delete; DROP TRIGGER report_count_is_append_only_delete;
      DELETE FROM report_count; DELETE FROM report;`);
    expectOk(county.store.transaction(() => storeReport(county.store, report(5, 1))));
    const view = buildCountyView(county.store, election);
    expect(view.precincts[4]?.reports).toEqual([]);
    expect(view.precincts[5]?.reports).toHaveLength(1);
    expectSameAsFromScratch(county.store);
  });
});
