/**
 * 2. Recompute: county totals, findings and statuses (buildCountyView + buildOverview, what the
 * dashboard reads) right after one edit (one new report stored), in a 200-precinct, 15-candidate
 * county; baseline: reading the same report and count rows with one SELECT. Then a full statewide
 * recompute: the same over one database holding 1,700 precincts (Iowa has 1,678), every one reported.
 */
import { rmSync } from 'node:fs';
import { buildCountyView } from '../../electron/core/county/county-view';
import { buildOverview } from '../../electron/core/county/overview';
import { importResultsFile } from '../../electron/core/intake/import-results-file';
import { writePrecinctResultsCsv } from '../../electron/core/results-file/write-results';
import { readReportCountRows } from '../../electron/core/store/report-count-rows';
import {
  BENCH_CHAIR,
  type BenchCounty,
  benchCounty,
  emit,
  emitPart,
  type Figure,
  figure,
  isMain,
  peakRssMiB,
  runPart,
} from './lib';

const ITERATIONS = Number(process.env.BENCH_RECOMPUTE_ITERATIONS ?? 25);

/** One edit: a new report for a precinct, stored as the app stores a keyed worksheet. */
async function oneEdit(county: BenchCounty, session: string, index: number, variant: number): Promise<void> {
  const result = county.resultOf(index % county.spec.precincts, variant);
  const submitted = await county.api.submitWorksheet({
    precinct: result.precinct,
    lines: result.lines.map((line) => ({
      candidate: line.candidate,
      firstAlignment: line.firstAlignment,
      finalAlignment: line.finalAlignment,
      delegatesAwarded: null,
    })),
    coinTosses: [],
    session,
    source: 'phone',
  });
  if (!submitted.ok) throw new Error(`submitWorksheet: ${submitted.error.message}`);
}

function selectRows(county: BenchCounty): number {
  return readReportCountRows(county.store);
}

function recompute(county: BenchCounty): number {
  const election = county.store.getElection();
  if (!election) throw new Error('no county');
  const overview = buildOverview(buildCountyView(county.store, election));
  return Object.keys(overview).length;
}

async function measure(precincts: number, reported: number, edits: boolean, seed: number, iterations = ITERATIONS) {
  const county = await benchCounty({ county: `Recompute ${precincts}`, precincts, candidates: 15, seed });
  try {
    // Fill the county: one results file holding `reported` precincts (one transaction, untimed).
    const results = Array.from({ length: reported }, (_, index) => county.resultOf(index));
    const csv = writePrecinctResultsCsv(results, county.spec.county);
    const imported = importResultsFile(county.store, {
      fileName: 'fill.csv',
      bytes: new TextEncoder().encode(csv),
      source: 'usb',
      operator: 'Bench Operator',
      at: '2026-02-03T02:00:00Z',
    });
    if (!imported.ok) throw new Error(`fill: ${imported.error.message}`);
    const signedIn = await county.api.signIn(BENCH_CHAIR);
    if (!signedIn.ok) throw new Error(`signIn: ${signedIn.error.message}`);
    const session = signedIn.value.session;
    // Warm up both (JIT, statement cache) before timing.
    for (let warm = 0; warm < 3; warm++) {
      recompute(county);
      selectRows(county);
    }
    const subject: number[] = [];
    const baseline: number[] = [];
    for (let iteration = 0; iteration < iterations; iteration++) {
      // Edits land on precincts that had no report yet, then on reported ones (new report, may conflict).
      if (edits) await oneEdit(county, session, reported + iteration, iteration + 1);
      let started = performance.now();
      selectRows(county);
      baseline.push(performance.now() - started);
      started = performance.now();
      recompute(county);
      subject.push(performance.now() - started);
    }
    const rows = selectRows(county);
    return { subject, baseline, rows, peakRssMiB: peakRssMiB() };
  } finally {
    county.store.close();
    rmSync(county.dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [part] = process.argv.slice(2);
  if (part === 'county') return emitPart(await measure(200, 180, true, 21));
  if (part === 'state') return emitPart(await measure(1700, 1700, false, 22, 10));

  type Part = Awaited<ReturnType<typeof measure>>;
  const county = runPart<Part>(import.meta.filename, ['county']);
  const state = runPart<Part>(import.meta.filename, ['state']);
  const figures: Figure[] = [];
  const countyFigure = figure(
    {
      id: 'recompute-county',
      title: 'Recompute after one edit, 200 precincts x 15 candidates',
      subject: 'buildCountyView + buildOverview (statuses, findings, totals) right after one new report is stored',
      baseline: 'one SELECT of the same report + count rows',
      peakRssMiB: county.peakRssMiB,
      size: { precincts: 200, candidates: 15, reportsAtEnd: county.rows / 15 },
    },
    county.subject,
    county.baseline,
  );
  figures.push({
    ...countyFigure,
    target: { text: 'recompute < 20 ms', met: countyFigure.subjectMs < 20 },
    notes: [
      '180 precincts reported before timing; each iteration first stores one more report (untimed) through submitWorksheet, then times the select and the recompute',
    ],
  });
  figures.push(
    figure(
      {
        id: 'recompute-state',
        title: 'Full statewide recompute, 1,700 precincts x 15 candidates',
        subject: 'buildCountyView + buildOverview over one database holding 1,700 reported precincts',
        baseline: 'one SELECT of the same report + count rows',
        peakRssMiB: state.peakRssMiB,
        size: { precincts: 1700, candidates: 15, reports: state.rows / 15 },
        notes: ['the app holds one county per database; this is the whole of Iowa (1,678 precincts) as one database'],
      },
      state.subject,
      state.baseline,
    ),
  );
  emit(figures);
}

if (isMain(import.meta.url)) await main();
