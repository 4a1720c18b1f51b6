/**
 * Issue 4 end to end, in Chromium against the serve harness and the real reader: a worksheet scan
 * of the demo county is imported on the Import screen, read from the Review screen's scan queue,
 * checked field by field from the keyboard (a slip corrected on the way), confirmed, and the
 * precinct's status changes; when a keyed entry disagrees, the discrepancy queue shows the scan.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, expect, type Server, screenshot, signIn, TEST_CHAIR, test } from './fixtures';

const SCANS = resolve(import.meta.dirname, '../fixtures/scans');
const DEMO = resolve(import.meta.dirname, '../../resources/demo');
const FILE = 'handwritten-straight.png';

interface TruthField {
  readonly candidate: string;
  readonly column: 'first' | 'final' | 'delegates';
  readonly value: number;
}

const manifest = JSON.parse(readFileSync(join(SCANS, 'manifest.json'), 'utf8')) as {
  election: { name: string; date: string };
  files: { file: string; pages: { precinct: string; fields: TruthField[] }[] }[];
};
const truth = manifest.files.find((entry) => entry.file === FILE)?.pages[0] as {
  precinct: string;
  fields: TruthField[];
};

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

test('a scanned worksheet is read, checked from the keyboard, confirmed, and shown as evidence', async ({
  app: page,
  server,
}) => {
  // Reading starts tesseract's workers the first time: seconds, not milliseconds, on a shared machine.
  test.setTimeout(240_000);
  await demoCounty(server, page);

  // Import the scan as the desk does: the Import screen, from the scanner.
  await page.keyboard.press('Alt+8');
  await page.getByLabel('Where these files came from').selectOption('scan');
  await page.getByLabel('Files to import', { exact: true }).setInputFiles(join(SCANS, FILE));
  const results = page.getByRole('table', { name: 'Import results' });
  await expect(results.getByRole('row', { name: new RegExp(FILE) })).toContainText('Sent to review');

  // The scan waits in the Review screen's queue; nothing is in the results yet.
  await page.keyboard.press('Alt+9');
  const queue = page.getByRole('table', { name: 'Scan queue' });
  await expect(queue.getByRole('row', { name: new RegExp(FILE) })).toContainText('Waiting to be read');
  await queue.getByRole('button', { name: `Read ${FILE}` }).click();

  // Reading shows its progress, then the fields with their crops.
  await expect(page.getByRole('status').filter({ hasText: `Reading ${FILE}` })).toBeVisible();
  const fields = page.getByRole('table', { name: 'Values read' });
  await expect(fields).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('scan-qr')).toContainText(truth.precinct);
  await expect(fields.getByRole('img', { name: /on the paper$/ })).toHaveCount(truth.fields.length);

  // Focus starts at the first field needing review.
  const flagged = page.locator('tr.scan-field.needs-review');
  const firstFlagged = await flagged.first().getAttribute('data-testid');
  const start = truth.fields.find((field) => `scan-field-${field.candidate}-${field.column}` === firstFlagged);
  if (!start) throw new Error('no field needs review on this sheet');
  await expect(page.getByRole('textbox', { name: labelOf(start) })).toBeFocused();
  await screenshot(page, 'scan-review');
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
  }
  await expect(page.getByTestId('scan-progress')).toHaveText('Every value is confirmed.');
  await expect(confirmButton).toBeEnabled();
  await expect(confirmButton).toBeFocused();
  await page.keyboard.press('Control+Enter');

  // Confirmed: the precinct now has a report from the scan.
  const done = page.getByRole('status').filter({ hasText: 'Confirmed as report' });
  await expect(done).toContainText(`precinct ${truth.precinct}`);
  await expect(done).toContainText('Received');
  await expect(page.getByRole('table', { name: 'Confirmed values' })).toBeVisible();
  await screenshot(page, 'scan-review-confirmed');
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
