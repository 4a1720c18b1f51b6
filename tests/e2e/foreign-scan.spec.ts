/**
 * The full-page fallback end to end, in Chromium against the serve harness and the real reader: a
 * precinct chair's own printed tally (not a Tallyroom worksheet) is imported, found not to be a
 * worksheet, read as a table of numbers, mapped from the keyboard (one value taken from its box on
 * the picture after a slip), confirmed, and the precinct shows as received.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { callApi, expect, screenshot, signIn, TEST_CHAIR, test } from './fixtures';

const FOREIGN = resolve(import.meta.dirname, '../fixtures/foreign-scans');
const DEMO = resolve(import.meta.dirname, '../../resources/demo');
const FILE = 'printed-table.png';

interface TruthField {
  readonly candidate: string;
  readonly column: 'first' | 'final' | 'delegates';
  readonly value: number;
}

const truth = (
  JSON.parse(readFileSync(join(FOREIGN, 'manifest.json'), 'utf8')) as {
    files: { file: string; precinct: string; fields: TruthField[] }[];
  }
).files.find((entry) => entry.file === FILE) as { precinct: string; fields: TruthField[] };

const COLUMN_WORDS = { first: 'first alignment', final: 'final alignment', delegates: 'delegates awarded' } as const;
const labelOf = (field: TruthField) => `${field.candidate}, ${COLUMN_WORDS[field.column]}`;

test('a tally that is not our worksheet is read as a table, mapped from the keyboard, and confirmed', async ({
  app: page,
  server,
}) => {
  test.setTimeout(240_000);
  const setup = await callApi<Record<string, unknown>>(server, 'previewCountyDefinition', {
    fileName: 'county.csv',
    contentBase64: readFileSync(join(DEMO, 'county.csv')).toString('base64'),
  });
  await callApi(server, 'createCounty', { chair: TEST_CHAIR, setup });
  await page.reload();
  await signIn(page, TEST_CHAIR.name, TEST_CHAIR.pin);

  // Imported as the desk does, then opened from the Review screen's scan queue.
  await page.keyboard.press('Alt+8');
  await page.getByLabel('Where these files came from').selectOption('scan');
  await page.getByLabel('Files to import', { exact: true }).setInputFiles(join(FOREIGN, FILE));
  await expect(
    page.getByRole('table', { name: 'Import results' }).getByRole('row', { name: new RegExp(FILE) }),
  ).toContainText('Sent to review');
  await page.keyboard.press('Alt+9');
  await page
    .getByRole('table', { name: 'Scan queue' })
    .getByRole('button', { name: `Read ${FILE}` })
    .click();

  // Read as a worksheet first (asked for, or at once); none is found, and the table reading is offered.
  const offer = page.getByRole('button', { name: 'Read it as a table of numbers' });
  const readButton = page.getByRole('button', { name: 'Read the scan', exact: true });
  await expect(offer.or(readButton)).toBeVisible({ timeout: 120_000 });
  if (await readButton.isVisible()) await readButton.click();
  await expect(offer).toBeVisible({ timeout: 120_000 });
  await offer.click();

  const mapping = page.getByRole('table', { name: 'Values to map' });
  await expect(mapping).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText('This is not a Tallyroom worksheet.')).toBeVisible();
  await expect(page.getByText(/check every value against the paper/)).toBeVisible();
  await expect(page.getByLabel('Precinct', { exact: true })).toHaveValue(truth.precinct);
  const boxes = page.getByRole('button', { name: /^Use \d+ \(number \d+ on the picture\)$/ });
  expect(await boxes.count()).toBeGreaterThanOrEqual(truth.fields.length);
  const confirm = page.getByRole('button', { name: 'Confirm the mapped sheet' });
  await expect(confirm).toBeDisabled();
  await screenshot(page, 'foreign-scan-mapping');

  // Keyboard-first: focus starts at the first field; each value is checked against the paper and
  // Enter moves on. One slip: Baker's final typed wrong, then taken from its box on the picture.
  await page.getByRole('textbox', { name: labelOf(truth.fields[0] as TruthField) }).focus();
  for (const field of truth.fields) {
    const input = page.getByRole('textbox', { name: labelOf(field) });
    await expect(input).toBeFocused();
    if (field.candidate === 'Baker' && field.column === 'final') {
      await page.keyboard.type(String(field.value + 9));
      await expect(input).toHaveValue(String(field.value + 9));
      await page.getByRole('button', { name: new RegExp(`^Use ${field.value} \\(`) }).click();
      await expect(input).toHaveValue(String(field.value));
      continue;
    }
    if ((await input.inputValue()) !== String(field.value)) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(String(field.value));
    }
    await page.keyboard.press('Enter');
  }
  await expect(page.getByText('Every value is checked.')).toBeVisible();
  await expect(confirm).toBeEnabled();
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Enter');

  const done = page.getByRole('status').filter({ hasText: /Confirmed as report #\d+ of precinct/ });
  await expect(done).toContainText(truth.precinct);
  await expect(done).toContainText(/received/i);
  await done.getByRole('button', { name: `Open precinct ${truth.precinct}` }).click();
  await expect(page.getByRole('heading', { name: new RegExp(truth.precinct) }).first()).toBeVisible();

  const precinct = await callApi<{ status: string; reports: { source: string; fileName: string | null }[] }>(
    server,
    'getPrecinct',
    { precinct: truth.precinct },
  );
  expect(precinct.status).toBe('received');
  expect(precinct.reports).toEqual([expect.objectContaining({ source: 'scan', fileName: FILE })]);
});
