/**
 * Scan review end to end, in Chromium against the serve harness and the real reader: a worksheet scan
 * of the demo county is imported on the Import screen, read from the Review screen's scan queue,
 * checked field by field from the keyboard (a slip corrected on the way), confirmed, and the
 * precinct's status changes; when a keyed entry disagrees, the discrepancy queue shows the scan.
 * A sheet of another precinct than the one the person said is flagged at the top, the QR code
 * deciding; a sheet whose delegates hang on a coin toss asks for the toss from the paper.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { callApi, expect, type Server, screenshot, signIn, TEST_CHAIR, test } from './fixtures';

const SCANS = resolve(import.meta.dirname, '../fixtures/scans');
const COIN_TOSS_SCANS = resolve(import.meta.dirname, '../fixtures/scans-coin-toss');
const DEMO = resolve(import.meta.dirname, '../../resources/demo');
const FILE = 'handwritten-straight.png';

interface TruthField {
  readonly candidate: string;
  readonly column: 'first' | 'final' | 'delegates';
  readonly value: number;
}

interface TruthPage {
  readonly precinct: string;
  readonly expectedPrecinct: string;
  readonly fields: TruthField[];
  readonly coinTosses: { tied: string[]; winners: string[] }[];
}

interface Manifest {
  election: { name: string; date: string };
  files: { file: string; pages: TruthPage[] }[];
}

const manifest = JSON.parse(readFileSync(join(SCANS, 'manifest.json'), 'utf8')) as Manifest;
const truthOf = (folder: string, file: string): TruthPage => {
  const list = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
  const found = list.files.find((entry) => entry.file === file)?.pages[0];
  if (!found) throw new Error(`${file} is not in ${folder}/manifest.json`);
  return found;
};
const truth = truthOf(SCANS, FILE);

const COLUMN_WORDS = { first: 'first alignment', final: 'final alignment', delegates: 'delegates awarded' } as const;
const labelOf = (field: TruthField) => `${field.candidate}, ${COLUMN_WORDS[field.column]}`;

/** The demo county with no results, under the election its worksheets were printed for. */
async function demoCounty(server: Server, page: Page): Promise<void> {
  const setup = await callApi<Record<string, unknown>>(server, 'previewCountyDefinition', {
    fileName: 'county.csv',
    contentBase64: readFileSync(join(DEMO, 'county.csv')).toString('base64'),
  });
  await callApi(server, 'createCounty', {
    chair: TEST_CHAIR,
    setup: { ...setup, name: manifest.election.name, date: manifest.election.date, rulesProfile: 'iowa-dem-2020' },
  });
  await page.reload();
  await signIn(page, TEST_CHAIR.name, TEST_CHAIR.pin);
}

async function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
}

/** Imports a scan on the Import screen, as the desk does, and opens it from the Review screen's queue. */
async function importAndOpen(page: Page, folder: string, file: string): Promise<void> {
  await page.keyboard.press('Alt+8');
  await page.getByLabel('Where these files came from').selectOption('scan');
  await page.getByLabel('Files to import', { exact: true }).setInputFiles(join(folder, file));
  const results = page.getByRole('table', { name: 'Import results' });
  await expect(results.getByRole('row', { name: new RegExp(file) })).toContainText('Sent to review');
  await page.keyboard.press('Alt+9');
  const queue = page.getByRole('table', { name: 'Scan queue' });
  await expect(queue.getByRole('row', { name: new RegExp(file) })).toContainText('Waiting to be read');
  await queue.getByRole('button', { name: `Read ${file}` }).click();
}

/** Every field still waiting: check it against the paper (the truth) and press Enter. */
async function checkWaitingFields(page: Page, fields: readonly TruthField[]): Promise<void> {
  for (let step = 0; step < fields.length * 2; step += 1) {
    const label = await focusedLabel(page);
    const field = fields.find((entry) => labelOf(entry) === label);
    if (!field) break;
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(field.value));
    await page.keyboard.press('Enter');
    // Focus moves on once React has rendered the confirmation: wait for it, or the next step would type into the old field.
    await expect.poll(() => focusedLabel(page)).not.toBe(label);
  }
  await expect(page.getByTestId('scan-progress')).toHaveText('Every value is confirmed.');
}

test('a scanned worksheet is read, checked from the keyboard, confirmed, and shown as evidence', async ({
  app: page,
  server,
}) => {
  // Reading starts tesseract's workers the first time: seconds, not milliseconds, on a shared machine.
  test.setTimeout(240_000);
  await demoCounty(server, page);

  // Import the scan as the desk does (the Import screen, from the scanner); it waits in the Review
  // screen's queue, nothing in the results yet.
  await importAndOpen(page, SCANS, FILE);
  const queue = page.getByRole('table', { name: 'Scan queue' });

  // Which precinct it should be is optional; the read button has focus: Enter reads.
  await expect(page.getByRole('button', { name: 'Read the scan' })).toBeFocused();
  await page.keyboard.press('Enter');

  // Reading shows its progress, then the fields with their crops.
  await expect(page.getByRole('status').filter({ hasText: `Reading ${FILE}` })).toBeVisible();
  const fields = page.getByRole('table', { name: 'Values read' });
  await expect(fields).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('scan-qr')).toContainText(truth.precinct);
  await expect(fields.getByRole('img', { name: /on the paper$/ })).toHaveCount(truth.fields.length);

  // Focus starts at the first field needing review (the first field when the reader is sure of all).
  const flagged = page.locator('tr.scan-field.needs-review');
  const firstFlagged = (await flagged.count()) > 0 ? await flagged.first().getAttribute('data-testid') : null;
  const start =
    truth.fields.find((field) => `scan-field-${field.candidate}-${field.column}` === firstFlagged) ?? truth.fields[0];
  if (!start) throw new Error('no field was read on this sheet');
  await expect(page.getByRole('textbox', { name: labelOf(start) })).toBeFocused();
  await screenshot(page, 'scan-review');
  await expectAccessible(page, 'the scan review with its crops');
  // (The screenshot helper takes the caret out of the picture; the person's focus goes back.)
  await page.getByRole('textbox', { name: labelOf(start) }).focus();

  // A slip: the first value typed wrong and confirmed; Shift+Enter goes back, typing replaces it.
  await page.keyboard.type(String(start.value + 7));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: labelOf(start) })).not.toBeFocused();
  await page.keyboard.press('Shift+Enter');
  await expect(page.getByRole('textbox', { name: labelOf(start) })).toBeFocused();
  await expect(page.getByRole('textbox', { name: labelOf(start) })).toHaveValue(String(start.value + 7));
  await page.keyboard.type(String(start.value));
  await expect(page.getByRole('textbox', { name: labelOf(start) })).toHaveValue(String(start.value));
  const confirmButton = page.getByRole('button', { name: /Confirm worksheet/ });

  // Every field still waiting: check it against the paper (the truth) and press Enter.
  for (let step = 0; step < truth.fields.length * 2; step += 1) {
    const label = await focusedLabel(page);
    const field = truth.fields.find((entry) => labelOf(entry) === label);
    if (!field) break;
    await expect(confirmButton).toBeDisabled();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(field.value));
    await page.keyboard.press('Enter');
    // Focus moves on once React has rendered the confirmation: wait for it, or the next step would type into the old field.
    await expect.poll(() => focusedLabel(page)).not.toBe(label);
  }
  await expect(page.getByTestId('scan-progress')).toHaveText('Every value is confirmed.');
  await expect(confirmButton).toBeEnabled();
  await expect(confirmButton).toBeFocused();
  await page.keyboard.press('Control+Enter');
  // The last look: every value beside its crop; only the dialog's button files the page.
  const last = page.getByRole('dialog', { name: `File this worksheet for precinct ${truth.precinct}?` });
  await expect(last.getByRole('table', { name: 'Values to file' }).locator('tbody tr')).toHaveCount(
    new Set(truth.fields.map((field) => field.candidate)).size,
  );
  await page.keyboard.press('Control+Enter');
  await expect(last).toBeVisible();
  await expectAccessible(page, 'the last look before filing a scan');
  await last.getByRole('button', { name: 'Confirm: these match the paper' }).click();

  // Confirmed: the precinct now has a report from the scan.
  const done = page.getByRole('status').filter({ hasText: 'Confirmed as report' });
  await expect(done).toContainText(`precinct ${truth.precinct}`);
  await expect(done).toContainText('Received');
  await expect(page.getByRole('table', { name: 'Confirmed values' })).toBeVisible();
  await screenshot(page, 'scan-review-confirmed');
  await expectAccessible(page, 'a confirmed scan');
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('button', { name: 'Received: 1 precinct' })).toBeVisible();
  await page.keyboard.press('Alt+9');
  await expect(queue.getByRole('row', { name: new RegExp(FILE) })).toContainText('Confirmed');

  // A keyed entry of the same precinct disagrees on one number: the discrepancy shows the scan.
  const { session } = await callApi<{ session: string }>(server, 'signIn', TEST_CHAIR);
  const candidates = [...new Set(truth.fields.map((field) => field.candidate))];
  const truthValue = (candidate: string, column: TruthField['column']) =>
    truth.fields.find((field) => field.candidate === candidate && field.column === column)?.value ?? null;
  await callApi(server, 'submitWorksheet', {
    session,
    precinct: truth.precinct,
    lines: candidates.map((candidate, index) => ({
      candidate,
      firstAlignment: (truthValue(candidate, 'first') ?? 0) + (index === 0 ? 1 : 0),
      finalAlignment: truthValue(candidate, 'final'),
      delegatesAwarded: truthValue(candidate, 'delegates'),
    })),
  });
  await page.keyboard.press('Alt+4');
  const evidence = page.locator('figure.scan-evidence');
  await expect(evidence).toContainText(FILE);
  await expect(evidence.getByRole('img', { name: new RegExp(`Scan of report #\\d+: ${FILE}`) })).toBeVisible();
  await expect(evidence.getByRole('list', { name: /Values on the paper/ }).getByRole('img')).toHaveCount(
    truth.fields.length,
  );
  await screenshot(page, 'scan-review-discrepancy');
});

test('a sheet of another precinct than the one said is flagged at the top: the QR code decides', async ({
  app: page,
  server,
}) => {
  test.setTimeout(240_000);
  const file = 'wrong-precinct.jpg';
  const sheet = truthOf(SCANS, file);
  expect(sheet.expectedPrecinct).not.toBe(sheet.precinct);
  await demoCounty(server, page);
  await importAndOpen(page, SCANS, file);

  // The envelope said another precinct: the person says so before reading.
  await page.getByLabel('Which precinct should this sheet be?').selectOption(sheet.expectedPrecinct);
  await page.getByRole('button', { name: 'Read the scan' }).click();
  const mismatch = page.getByTestId('scan-precinct-mismatch');
  await expect(mismatch).toBeVisible({ timeout: 120_000 });
  await expect(mismatch).toHaveAttribute('role', 'alert');
  await expect(mismatch).toContainText(`This sheet is precinct ${sheet.precinct}`);
  await expect(mismatch).toContainText(`not ${sheet.expectedPrecinct}`);
  await expect(mismatch).toContainText('the QR code decides');
  // Above everything else on the page, and the precinct to confirm under is the QR code's.
  const [bannerTop, fieldsTop] = await Promise.all([
    mismatch.evaluate((element) => element.getBoundingClientRect().top),
    page.getByRole('table', { name: 'Values read' }).evaluate((element) => element.getBoundingClientRect().top),
  ]);
  expect(bannerTop).toBeLessThan(fieldsTop);
  await expect(page.getByRole('combobox', { name: 'Precinct', exact: true })).toHaveValue(sheet.precinct);
  await expect(page.getByTestId('scan-qr')).toContainText(`you said ${sheet.expectedPrecinct}`);
  await screenshot(page, 'scan-review-wrong-precinct');

  // Confirmed as the QR code says: the numbers go to its precinct, none to the one expected.
  await page.getByRole('textbox', { name: labelOf(sheet.fields[0] as TruthField) }).focus();
  await checkWaitingFields(page, sheet.fields);
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: 'Confirm: these match the paper' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Confirmed as report' })).toContainText(
    `precinct ${sheet.precinct}`,
  );
  const reports = async (precinct: string) =>
    (await callApi<{ reports: unknown[] }>(server, 'getPrecinct', { precinct })).reports.length;
  expect(await reports(sheet.precinct)).toBe(1);
  expect(await reports(sheet.expectedPrecinct)).toBe(0);
});

test('a sheet whose delegates hang on a coin toss: the toss is recorded from the paper, from the keyboard', async ({
  app: page,
  server,
}) => {
  test.setTimeout(240_000);
  const file = 'coin-toss.png';
  const sheet = truthOf(COIN_TOSS_SCANS, file);
  const paperToss = sheet.coinTosses[0];
  if (!paperToss) throw new Error(`${file} has no coin toss`);
  await demoCounty(server, page);
  await importAndOpen(page, COIN_TOSS_SCANS, file);
  await expect(page.getByRole('button', { name: 'Read the scan' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Values read' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('scan-qr')).toContainText(sheet.precinct);

  // The values as read need a toss; the panel names the tied groups and asks for the paper's answer.
  const toss = page.getByRole('region', { name: 'Coin toss' });
  await expect(toss).toContainText('Coin toss needed between');
  for (const group of paperToss.tied) await expect(toss).toContainText(group);
  await expect(toss).toContainText('coin-toss line');
  await expect(page.getByTestId('scan-toss-pending')).toBeVisible();
  // Keyboard only: focus is on the values first.
  const focused = await focusedLabel(page);
  if (!sheet.fields.some((field) => labelOf(field) === focused)) throw new Error(`focus is on "${focused}"`);
  await screenshot(page, 'scan-review-coin-toss');
  // (The screenshot helper takes the caret out of the picture; the person's focus goes back.)
  await page.getByRole('textbox', { name: focused }).focus();

  // Check the values (Enter), then the toss takes focus, then confirming does.
  await checkWaitingFields(page, sheet.fields);
  const [winner] = paperToss.winners;
  // The panel takes focus, not its first answer: one Enter too many on the last value records nothing.
  await expect(toss).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-toss-pending')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Coin tosses recorded' })).toHaveCount(0);
  // Tab to the paper's winner, Enter records it.
  await page.keyboard.press('Tab');
  await expect(toss.getByRole('button', { name: `${paperToss.tied[0]} won the toss` })).toBeFocused();
  for (const group of paperToss.tied) {
    if (group === winner) break;
    await page.keyboard.press('Tab');
  }
  await expect(toss.getByRole('button', { name: `${winner} won the toss` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Coin tosses recorded' })).toContainText(`${winner} won over`);
  await expect(toss).toBeHidden();
  const confirmButton = page.getByRole('button', { name: /Confirm worksheet/ });
  await expect(confirmButton).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: 'Confirm: these match the paper' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Confirmed as report' })).toContainText(
    `precinct ${sheet.precinct}`,
  );

  // The report carries the toss as a keyed worksheet does: the tosses the allocation used.
  const lines = [...new Set(sheet.fields.map((field) => field.candidate))].map((candidate) => {
    const value = (column: TruthField['column']) =>
      sheet.fields.find((field) => field.candidate === candidate && field.column === column)?.value ?? null;
    return {
      candidate,
      firstAlignment: value('first'),
      finalAlignment: value('final'),
      delegatesAwarded: value('delegates'),
    };
  });
  const evaluation = await callApi<{ allocation: { kind: string; tie?: { tied: string[] }; coinTosses?: unknown[] } }>(
    server,
    'evaluateWorksheet',
    { precinct: sheet.precinct, lines, coinTosses: [] },
  );
  const tied = evaluation.allocation.tie?.tied ?? [];
  const keyed = await callApi<{ allocation: { kind: string; coinTosses?: unknown[] } }>(server, 'evaluateWorksheet', {
    precinct: sheet.precinct,
    lines,
    coinTosses: [{ tied, winners: paperToss.winners }],
  });
  expect(keyed.allocation.kind).toBe('decided');
  const precinct = await callApi<{ reports: { source: string; coinTosses: unknown[] }[] }>(server, 'getPrecinct', {
    precinct: sheet.precinct,
  });
  expect(precinct.reports).toHaveLength(1);
  expect(precinct.reports[0]?.source).toBe('scan');
  expect(precinct.reports[0]?.coinTosses).toEqual(keyed.allocation.coinTosses);
});
