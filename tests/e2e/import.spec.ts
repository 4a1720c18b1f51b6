/**
 * Intake end to end: a folder laid out like a precinct chair's USB stick (OS litter, a malformed
 * file, a report that disagrees with one already held) and a mailbox's worth of saved emails go
 * through the Import screen; the per-file results, the Review screen (quarantined mail accepted by
 * the chair) and the dashboard's statuses show what happened.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { buildEmail } from '../fixtures/intake/build-email';
import { callApi, expect, goTo, type Server, screenshot, signIn, TEST_CHAIR, test } from './fixtures';

const DEMO = resolve(import.meta.dirname, '../../resources/demo');
const HEADER =
  'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde';
const CANDIDATES = ['Adams', 'Baker', 'Castillo', 'Dunn', 'Everett', 'Uncommitted'] as const;

/** The demo county's definition (24 precincts, chairs' addresses registered), with no results yet. */
async function demoCountyWithoutResults(server: Server, page: Page): Promise<void> {
  const setup = await callApi<Record<string, unknown>>(server, 'previewCountyDefinition', {
    fileName: 'county.csv',
    contentBase64: readFileSync(join(DEMO, 'county.csv')).toString('base64'),
  });
  await callApi(server, 'createCounty', {
    chair: TEST_CHAIR,
    setup: { ...setup, name: 'Tally County Precinct Caucuses', date: '2028-02-07', rulesProfile: 'iowa-dem-2020' },
  });
  await page.reload();
  await signIn(page, TEST_CHAIR.name, TEST_CHAIR.pin);
}

function resultsCsv(precinct: string, delegates: number, rows: readonly (readonly [number, number, number])[]): string {
  const lines = rows.map(
    ([first, final, awarded], index) =>
      `Tally County,${precinct},${delegates},0.132075,${CANDIDATES[index]},${first},${final},${awarded},`,
  );
  return `${[HEADER, ...lines].join('\n')}\n`;
}

async function openImport(page: Page): Promise<void> {
  await page.keyboard.press('Alt+8');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import files' }),
  ).toHaveAttribute('aria-current', 'page');
}

function resultRow(page: Page, path: string) {
  return page.getByRole('table', { name: 'Import results' }).getByRole('row', { name: new RegExp(path) });
}

test('a folder laid out like a USB drive: every file gets a result, litter is skipped, the dashboard fills in', async ({
  app: page,
  server,
}) => {
  await demoCountyWithoutResults(server, page);
  await expect(page.getByRole('button', { name: 'Missing: 24 precincts' })).toBeVisible();

  // The stick: the demo county's results, a malformed file, a recount sheet for P05 with other
  // numbers, and what Windows and macOS leave on a drive.
  const stick = join(server.dir, 'TALLY-USB');
  mkdirSync(join(stick, 'results'), { recursive: true });
  cpSync(join(DEMO, 'usb'), join(stick, 'results'), { recursive: true });
  writeFileSync(join(stick, 'results', 'P13-typo.csv'), `${HEADER}\nTally County,P13,4,0.132075,Adams,forty,40,2,\n`);
  mkdirSync(join(stick, 'updated'));
  writeFileSync(
    join(stick, 'updated', 'P05-corrected.csv'),
    resultsCsv('P05', 2, [
      [31, 31, 1],
      [26, 26, 1],
      [25, 25, 0],
      [19, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]),
  );
  writeFileSync(join(stick, '.DS_Store'), Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
  writeFileSync(join(stick, 'results', '._P01.csv'), Buffer.from([0, 5, 0x16, 7, 0, 2, 0, 0]));

  await openImport(page);
  await screenshot(page, 'import-empty');
  await page.getByLabel('Folder to import', { exact: true }).setInputFiles(stick);

  await expect(page.getByTestId('import-progress-count')).toHaveText('22 of 22 files', { timeout: 30_000 });
  const progress = page.getByRole('progressbar', { name: 'Files read' });
  await expect(progress).toHaveAttribute('aria-valuenow', '22');
  const totals = page.getByTestId('import-totals');
  await expect(totals).toContainText('19Reports imported');
  await expect(totals).toContainText('1Conflicts');
  await expect(totals).toContainText('1Refused');

  await expect(resultRow(page, 'TALLY-USB/results/P01.csv')).toContainText('Imported');
  await expect(resultRow(page, 'TALLY-USB/results/P01.csv')).toContainText('1 precinct report stored');
  await expect(resultRow(page, 'TALLY-USB/updated/P05-corrected.csv')).toContainText('Conflict');
  await expect(resultRow(page, 'TALLY-USB/updated/P05-corrected.csv')).toContainText('both are kept');
  const typo = resultRow(page, 'TALLY-USB/results/P13-typo.csv');
  await expect(typo).toContainText('Refused');
  await expect(typo).toContainText('P13-typo.csv');
  await expect(typo).toContainText('"forty" is not a number');
  await expect(resultRow(page, 'TALLY-USB/.DS_Store')).toContainText('Skipped');
  await expect(resultRow(page, 'TALLY-USB/results/._P01.csv')).toContainText('Skipped');
  await screenshot(page, 'import-usb-results');

  // The same stick again: nothing changes.
  await page.getByLabel('Folder to import', { exact: true }).setInputFiles(stick);
  await expect(page.getByTestId('import-progress-count')).toHaveText('22 of 22 files', { timeout: 30_000 });
  await expect(page.getByTestId('import-totals')).toContainText('19Already imported');
  await expect(page.getByTestId('import-totals')).toContainText('0Reports imported');
  await expect(resultRow(page, 'TALLY-USB/results/P01.csv')).toContainText('Already imported');

  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Received: 17 precincts' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Conflict: 1 precinct' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Missing: 6 precincts' })).toBeVisible();
  await expect(page.locator('tr[data-precinct="P05"]')).toContainText('Conflict');
  await expect(page.locator('tr[data-precinct="P13"]')).toContainText('Missing');
  await screenshot(page, 'import-usb-dashboard');
});

test('a mailbox’s worth of mail: the chair’s report is imported, a stranger’s is held until the chair accepts it', async ({
  app: page,
  server,
}) => {
  await demoCountyWithoutResults(server, page);
  const mailDir = join(server.dir, 'mail');
  mkdirSync(mailDir);
  const fromChair = join(mailDir, 'P12 results.eml');
  writeFileSync(
    fromChair,
    buildEmail({
      from: 'Indian Creek Chair <chair.p12@example.org>',
      to: 'results@tally.example',
      subject: 'P12 Indian Creek results',
      messageId: 'p12-results@example.org',
      text: 'Results for Indian Creek attached.',
      attachments: [
        {
          fileName: 'P12.csv',
          mimeType: 'text/csv',
          bytes: resultsCsv('P12', 3, [
            [20, 22, 2],
            [15, 15, 1],
            [5, 0, 0],
            [3, 0, 0],
            [2, 0, 0],
            [0, 0, 0],
          ]),
        },
      ],
    }),
  );
  const fromStranger = join(mailDir, 'Fwd P13.eml');
  writeFileSync(
    fromStranger,
    buildEmail({
      from: 'Sam Volunteer <sam.volunteer@gmail.example>',
      to: 'results@tally.example',
      subject: 'Fwd: Precinct 13 numbers',
      messageId: 'fwd-p13@gmail.example',
      text: 'The chair asked me to send these on.',
      attachments: [
        {
          fileName: 'P13.csv',
          mimeType: 'text/csv',
          bytes: resultsCsv('P13', 1, [
            [40, 42, 1],
            [30, 31, 0],
            [10, 0, 0],
            [5, 0, 0],
            [0, 0, 0],
            [0, 0, 0],
          ]),
        },
      ],
    }),
  );

  await openImport(page);
  await page.getByLabel('Files to import', { exact: true }).setInputFiles([fromChair, fromStranger]);
  await expect(page.getByTestId('import-progress-count')).toHaveText('2 of 2 files');
  await expect(resultRow(page, 'P12 results.eml')).toContainText('Imported');
  const held = resultRow(page, 'Fwd P13.eml');
  await expect(held).toContainText('Sent to review');
  await expect(held).toContainText('sam.volunteer@gmail.example is not the registered chair of any precinct');
  await expect(page.getByTestId('import-totals')).toContainText('1Sent to review');
  await screenshot(page, 'import-mail-results');

  await page.getByRole('button', { name: 'Review 1 held item' }).click();
  const item = page.getByRole('list', { name: 'Quarantined mail' }).getByRole('listitem').first();
  await expect(item).toContainText('Fwd: Precinct 13 numbers');
  await expect(item).toContainText('sam.volunteer@gmail.example');
  await expect(item).toContainText('P13.csv');
  await expect(item).toContainText('is not the registered chair of any precinct');
  await item.getByLabel('Note').fill('Called the P13 chair: her laptop died, Sam forwarded her sheet.');
  await screenshot(page, 'import-review');
  await item.getByRole('button', { name: 'Accept into results' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Accepted' })).toContainText('1 report imported');
  await expect(page.getByText('Nothing is held.')).toBeVisible();

  await page.getByLabel('Show decided').check();
  await expect(page.getByRole('list', { name: 'Quarantined mail' })).toContainText(`Accepted by ${TEST_CHAIR.name}`);
  await screenshot(page, 'import-review-decided');

  await goTo(page, 'Dashboard');
  await expect(page.getByRole('button', { name: 'Received: 2 precincts' })).toBeVisible();
  await expect(page.locator('tr[data-precinct="P12"]')).toContainText('Received');
  await expect(page.locator('tr[data-precinct="P13"]')).toContainText('Received');
});
