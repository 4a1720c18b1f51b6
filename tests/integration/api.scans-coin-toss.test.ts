/**
 * A scanned worksheet whose delegates hang on a coin toss (tests/fixtures/scans-coin-toss): the
 * reader reads the numbers, the rules say a toss is needed, the person records who won from the
 * paper's coin-toss line, and the confirmed report carries the toss exactly as a keyed worksheet
 * does (the tosses the allocation used), so a keyed entry of the same paper verifies it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../../electron/core/api';
import { createOcrEngine } from '../../electron/core/ocr/read-worksheet-scan';
import type { WorksheetColumn } from '../../electron/core/ocr/scan-reading';
import type { CoinToss } from '../../electron/core/rules/types';
import type { ScanReader } from '../../electron/core/scan-review/scan-reader';
import { openCountyStore } from '../../electron/core/store';
import type { CountyStore } from '../../electron/core/store/county-store';
import { caucusClock } from '../helpers/intake-county';
import { expectOk, RESOURCES_DIR } from '../helpers/temp-county';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/scans-coin-toss');
const FILE = 'coin-toss.png';

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
  election: { name: string; date: string };
  files: {
    file: string;
    pages: {
      precinct: string;
      fields: { candidate: string; column: WorksheetColumn; value: number }[];
      coinTosses: CoinToss[];
    }[];
  }[];
};
const truth = manifest.files.find((entry) => entry.file === FILE)?.pages[0];
if (!truth) throw new Error(`${FILE} is not in the manifest`);
const paperToss = truth.coinTosses[0] as CoinToss;
if (!paperToss) throw new Error(`${FILE} has no coin toss in its truth`);

const CHAIR = { name: 'Dana Chair', pin: '654321' } as const;

let engine: ScanReader;
let dir: string;
let store: CountyStore;
let api: Api;

beforeAll(async () => {
  engine = createOcrEngine({ dataDir: mkdtempSync(join(tmpdir(), 'tallyroom-ocr-')), resourcesDir: RESOURCES_DIR });
  dir = mkdtempSync(join(tmpdir(), 'tallyroom-coin-toss-'));
  store = openCountyStore(join(dir, 'county.db'));
  api = createApi({ store, resourcesDir: RESOURCES_DIR, clock: caucusClock(), ocr: () => engine });
  const setup = expectOk(
    await api.previewCountyDefinition({
      fileName: 'county.csv',
      contentBase64: readFileSync(join(RESOURCES_DIR, 'demo/county.csv')).toString('base64'),
    }),
  );
  expectOk(
    await api.createCounty({
      chair: CHAIR,
      setup: { ...setup, name: manifest.election.name, date: manifest.election.date, rulesProfile: 'iowa-dem-2020' },
    }),
  );
});

afterAll(async () => {
  await engine.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const linesOf = (fields: readonly { candidate: string; column: WorksheetColumn; value: number | null }[]) =>
  [...new Set(fields.map((field) => field.candidate))].map((candidate) => {
    const value = (column: WorksheetColumn) =>
      fields.find((field) => field.candidate === candidate && field.column === column)?.value ?? null;
    return {
      candidate,
      firstAlignment: value('first'),
      finalAlignment: value('final'),
      delegatesAwarded: value('delegates'),
    };
  });

/** What the review screen and the keyed worksheet send: the tosses the allocation used, once every tie is recorded. */
async function tossesToSend(precinct: string, lines: ReturnType<typeof linesOf>): Promise<CoinToss[]> {
  const recorded: CoinToss[] = [];
  for (let step = 0; step < 10; step += 1) {
    const evaluation = expectOk(await api.evaluateWorksheet({ precinct, lines, coinTosses: recorded }));
    const allocation = evaluation.allocation;
    if (allocation.kind === 'decided') return [...allocation.coinTosses];
    if (allocation.kind !== 'coin-toss-needed') throw new Error(`no allocation: ${allocation.kind}`);
    // The paper's coin-toss line says who won this tie.
    expect([...allocation.tie.tied].sort()).toEqual([...paperToss.tied].sort());
    recorded.push({ tied: [...allocation.tie.tied], winners: [...paperToss.winners] });
  }
  throw new Error('the ties never ended');
}

describe('a scanned worksheet that needs a coin toss', () => {
  it('is confirmed with the toss from the paper, stored as a keyed entry stores it, and verified by one', async () => {
    const chair = expectOk(await api.signIn(CHAIR)).session;
    expectOk(
      await api.importFiles({
        session: chair,
        source: 'scan',
        files: [{ fileName: FILE, contentBase64: readFileSync(join(FIXTURES, FILE)).toString('base64') }],
      }),
    );
    const scanId = expectOk(await api.listScanQueue({})).find((entry) => entry.fileName === FILE)?.importFileId;
    if (scanId === undefined) throw new Error(`${FILE} was not queued`);
    const read = expectOk(await api.readScan({ session: chair, scanId }));
    const page = read.pages[0];
    if (!page) throw new Error('no page was read');
    expect(page.precinct).toBe(truth.precinct);

    // The person confirms what the paper shows; the rules ask for the coin toss on those numbers.
    const fields = truth.fields.map(({ candidate, column, value }) => ({ candidate, column, value }));
    const lines = linesOf(fields);
    const before = expectOk(await api.evaluateWorksheet({ precinct: truth.precinct, lines, coinTosses: [] }));
    expect(before.allocation.kind).toBe('coin-toss-needed');
    const coinTosses = await tossesToSend(truth.precinct, lines);
    expect(coinTosses.map((toss) => toss.winners)).toEqual([paperToss.winners]);

    const confirmed = expectOk(
      await api.confirmScanReading({
        session: chair,
        scanId,
        readingId: page.readingId,
        precinct: truth.precinct,
        fields,
        coinTosses,
      }),
    );
    // The delegates on the paper are what the rules give with that toss: no finding.
    expect(confirmed.findings).toEqual([]);
    const [report] = expectOk(await api.getPrecinct({ precinct: truth.precinct })).reports;
    expect(report).toMatchObject({ source: 'scan', coinTosses });

    // Another person keys the same paper, the same toss: the two entries agree, toss included.
    expectOk(await api.addOperator({ session: chair, role: 'entry', name: 'Sam Ortiz', pin: '2222' }));
    const sam = expectOk(await api.signIn({ name: 'Sam Ortiz', pin: '2222' })).session;
    const keyed = expectOk(await api.submitWorksheet({ session: sam, precinct: truth.precinct, lines, coinTosses }));
    expect(keyed.status).toBe('verified');
    const reports = expectOk(await api.getPrecinct({ precinct: truth.precinct })).reports;
    expect(reports.map((entry) => entry.coinTosses)).toEqual([coinTosses, coinTosses]);
  }, 120_000);
});
