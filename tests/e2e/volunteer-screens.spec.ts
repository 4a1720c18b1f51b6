/**
 * Volunteer-grade screens on ordinary laptops (1280x720 and 1366x768): nothing is created or saved by a
 * stray Enter, a sheet with findings or a scan is filed only by a deliberate step, an import says
 * honestly what happened, boxes that cannot be counts compute nothing, and the words are plain.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import {
  addTeamMembers,
  callApi,
  createTestCounty,
  expect,
  goTo,
  type Server,
  signIn,
  TEST_CHAIR,
  type TestPrecinct,
  test,
} from './fixtures';

const PRECINCTS: readonly TestPrecinct[] = [
  { code: 'OAK1', name: 'Oakwood 1', delegates: 7 },
  { code: 'ELM2', name: 'Elm 2', delegates: 7 },
];
const HEADER =
  'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde';
const SCANS = resolve(import.meta.dirname, '../fixtures/scans');
const DEMO = resolve(import.meta.dirname, '../../resources/demo');

async function county(server: Server, page: Page): Promise<void> {
  await createTestCounty(server, PRECINCTS);
  await page.reload();
  await signIn(page, TEST_CHAIR.name, TEST_CHAIR.pin);
}

async function openWorksheet(page: Page, code: string): Promise<void> {
  await goTo(page, 'Enter worksheet');
  await expect(page.getByRole('combobox', { name: 'Precinct' })).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('First alignment for Adams')).toBeFocused();
}

/** Down each column, as the paper is read. */
async function keyDown(page: Page, values: readonly string[]): Promise<void> {
  for (const value of values) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('county setup: Enter moves to the next row, names stay apart, and the county is created only from its summary', async ({
      app: page,
      server,
    }) => {
      await page.getByRole('button', { name: 'Set up the county' }).click();
      await page.getByLabel('County name').fill('Story County');
      await page.getByLabel('Election name').fill('2028 Caucuses');
      await page.getByLabel('SDE per county delegate').fill('0.2');
      await page.getByLabel('Precinct 1 code').click();
      await page.keyboard.type('AM1');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Ames 1');
      await page.keyboard.press('Tab');
      await page.keyboard.type('7');
      await page.keyboard.press('Enter');
      await expect(page.getByLabel('Precinct 2 code')).toBeFocused();
      await page.getByLabel('Chair’s name').fill('Pat Quinn');
      await page.getByLabel('Chair’s PIN').fill('123456');
      // Fast typing with Enter between the names, as volunteers do.
      await page.getByLabel('Candidate 1 name').click();
      await page.keyboard.type('Sanders');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Warren');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Uncommitted');
      await page.keyboard.press('Enter');
      await expect(page.getByLabel('Candidate 1 name')).toHaveValue('Sanders');
      await expect(page.getByLabel('Candidate 2 name')).toHaveValue('Warren');
      await expect(page.getByLabel('Candidate 3 name')).toHaveValue('Uncommitted');
      await expect(page.getByLabel('Candidate 4 name')).toBeFocused();
      expect(await callApi(server, 'getElection', {})).toBeNull();

      await page.getByRole('button', { name: 'Create county' }).click();
      const summary = page.getByRole('dialog', { name: 'Create Story County?' });
      await expect(summary).toBeInViewport();
      await expect(summary.getByTestId('create-county-summary')).toContainText(
        '1 precinct electing 7 county delegates',
      );
      await expect(summary.getByRole('button', { name: 'Yes, create the county' })).toBeInViewport();
      await page.keyboard.press('Enter');
      expect(await callApi(server, 'getElection', {})).toBeNull();
      await summary.getByRole('button', { name: 'Yes, create the county' }).click();
      await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
      expect(await callApi(server, 'getElection', {})).toMatchObject({ precinctCount: 1, totalDelegates: 7 });
    });

    test('worksheet: a sheet with findings is saved only from "Check the paper"; boxes that cannot be counts compute nothing', async ({
      app: page,
      server,
    }) => {
      test.setTimeout(150_000);
      await county(server, page);
      await openWorksheet(page, 'OAK1');
      // -3, 2.5 and 1O are not counts: no eligible attendees, no "Viable", one message for 1O.
      await keyDown(page, ['-3', '2.5', '1O']);
      await page.getByLabel('Final alignment for Adams').focus();
      await expect(page.getByTestId('eligible-attendees')).toHaveText('—');
      await expect(page.locator('.viability-cell').filter({ hasText: /^Viable/ })).toHaveCount(0);
      await expect(
        page.locator('tr.message-row[data-candidate="Castillo"][data-field="firstAlignment"] .field-message'),
      ).toHaveText(['“1O” is not a number. Type digits only.']);
      await expect(page.getByRole('button', { name: /Save worksheet/ })).toBeDisabled();

      // Numbers as the paper says, breaking the rules: final 40 > first 37.
      await page.getByLabel('First alignment for Adams').focus();
      await keyDown(page, ['20', '10', '7', '23', '10', '7', '5', '1', '1']);
      await expect(page.getByTestId('eligible-attendees')).toHaveText('37');
      await page.keyboard.press('Control+Enter');
      const check = page.getByRole('dialog', { name: 'Check the paper' });
      await expect(check).toBeInViewport();
      await expect(check.getByRole('list', { name: 'Findings on this worksheet' })).toContainText('more than the 37');
      await page.keyboard.press('Control+Enter');
      await expect(check).toBeVisible();
      expect((await callApi<{ reports: unknown[] }>(server, 'getPrecinct', { precinct: 'OAK1' })).reports).toHaveLength(
        0,
      );
      await expect(check.getByRole('button', { name: 'Save as the paper says' })).toBeInViewport();
      await check.getByRole('button', { name: 'Save as the paper says' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved precinct OAK1' })).toBeVisible();
      expect((await callApi<{ reports: unknown[] }>(server, 'getPrecinct', { precinct: 'OAK1' })).reports).toHaveLength(
        1,
      );

      // A clean sheet still saves on Ctrl+Enter alone (after saving, the precinct box has focus again).
      await page.getByRole('combobox', { name: 'Precinct' }).focus();
      await page.keyboard.type('ELM2');
      await page.keyboard.press('Enter');
      await expect(page.getByLabel('First alignment for Adams')).toBeFocused();
      await keyDown(page, ['20', '10', '7', '20', '10', '7', '4', '2', '1']);
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('status').filter({ hasText: 'Saved precinct ELM2' })).toContainText('no findings');
    });

    test('import: files that are all refused say so, with every problem by row and column and a readable name', async ({
      app: page,
      server,
    }) => {
      await county(server, page);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: /Import files/ })
        .click();
      const bad = (name: string) => ({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(
          `${HEADER}\nPolk County,OAK1,7,0.25,Adams,20,20,4,1\nPolk County,OAK1,7,0.25,Zephyr,10,10,2,0.5\nPolk County,OAK1,7,0.25,Castillo,-7,7,1,0.25\nPolk County,XX-9,3,0.25,Adams,5,5,3,0.75\n`,
        ),
      });
      await page
        .getByLabel('Files to import', { exact: true })
        .setInputFiles([bad('oakwood-results.csv'), bad('elm-results.csv'), bad('ward-3.csv'), bad('ward-4.csv')]);
      const summary = page.getByTestId('import-summary');
      await expect(summary).toContainText('Nothing was imported: all 4 files were refused.');
      await expect(summary).toHaveAttribute('data-tone', 'error');
      await expect(page.getByTestId('import-progress')).not.toContainText('100%');
      await expect(page.getByTestId('import-progress')).not.toContainText('Imported');
      const problems = page.getByRole('list', { name: 'Problems in oakwood-results.csv' }).getByRole('listitem');
      await expect(problems).toHaveText([
        /^Row 3, column candidate: Candidate "Zephyr"/,
        /^Row 4, column first_alignment: The first alignment for Castillo in precinct OAK1 is -7/,
        /^Row 5, column precinct: Precinct "XX-9" is not a precinct of Polk County/,
      ]);
      // The file name column is wide enough to read a name.
      const nameCell = page.getByRole('rowheader', { name: 'oakwood-results.csv' });
      expect((await nameCell.boundingBox())?.width ?? 0).toBeGreaterThan(140);
    });

    test('plain words: a skip link first, sources in words, "1 number differs", a "?" for SDE', async ({
      app: page,
      server,
    }) => {
      await county(server, page);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to the screen' });
      await expect(skip).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('main#main')).toBeFocused();

      // Two reports of OAK1 that differ on one number: a USB stick file and a keyed sheet.
      const { session } = await callApi<{ session: string }>(server, 'signIn', TEST_CHAIR);
      const lines = (adams: number) => [
        { candidate: 'Adams', firstAlignment: adams, finalAlignment: 20, delegatesAwarded: 4 },
        { candidate: 'Baker', firstAlignment: 10, finalAlignment: 10, delegatesAwarded: 2 },
        { candidate: 'Castillo', firstAlignment: 7, finalAlignment: 7, delegatesAwarded: 1 },
      ];
      await callApi(server, 'submitWorksheet', {
        session,
        precinct: 'OAK1',
        lines: lines(20),
        coinTosses: [],
        source: 'manual',
      });
      await callApi(server, 'submitWorksheet', {
        session,
        precinct: 'OAK1',
        lines: lines(21),
        coinTosses: [],
        source: 'phone',
      });
      await goTo(page, 'Discrepancies');
      await expect(page.locator('.queue-meta').first()).toContainText('1 number differs');
      const reason = page.locator('.status-reason').first();
      await expect(reason).toContainText('keyed in by Pat Quinn');
      await expect(reason).toContainText('phoned in, keyed by Pat Quinn');
      await expect(reason).not.toContainText(/\((manual|phone|usb|scan), /);

      await goTo(page, 'Dashboard');
      const help = page.getByRole('button', { name: 'What is SDE?' });
      await help.scrollIntoViewIfNeeded();
      await expect(help).toBeVisible();
      await help.click();
      await expect(page.getByRole('note')).toContainText('State delegate equivalents');
    });

    test('a changed report on a certified precinct shows on its page, with a recount offered', async ({
      app: page,
      server,
    }) => {
      await county(server, page);
      await addTeamMembers(server, [{ name: 'Jordan Lee', pin: '1111' }]);
      const sessionOf = async (name: string, pin: string) =>
        (await callApi<{ session: string }>(server, 'signIn', { name, pin })).session;
      const chair = await sessionOf(TEST_CHAIR.name, TEST_CHAIR.pin);
      const jordan = await sessionOf('Jordan Lee', '1111');
      const lines = (adams: number) => [
        { candidate: 'Adams', firstAlignment: adams, finalAlignment: adams, delegatesAwarded: null },
        { candidate: 'Baker', firstAlignment: 10, finalAlignment: 10, delegatesAwarded: null },
        { candidate: 'Castillo', firstAlignment: 7, finalAlignment: 7, delegatesAwarded: null },
      ];
      for (const session of [chair, jordan]) {
        await callApi(server, 'submitWorksheet', { session, precinct: 'OAK1', lines: lines(20) });
      }
      await callApi(server, 'certifyPrecinct', { session: chair, pin: TEST_CHAIR.pin, precinct: 'OAK1' });
      await callApi(server, 'submitWorksheet', { session: jordan, precinct: 'OAK1', lines: lines(24) });

      await goTo(page, 'Precincts');
      await page.getByRole('table', { name: 'Precincts' }).locator('tr[data-precinct="OAK1"]').click();
      const notice = page.getByTestId('late-report-notice');
      await expect(notice).toContainText('Changed after certification');
      await expect(notice).toContainText('Keyed in by Jordan Lee');
      await notice.getByRole('button', { name: 'Enter a recount' }).click();
      await expect(page.getByLabel('Certified precinct')).toHaveValue('OAK1');
    });

    test('scan review: Ctrl+Enter from the first box shows the values beside the paper and files nothing; a straight page is straight', async ({
      app: page,
      server,
    }) => {
      // Reading a scan takes tesseract a while on a busy machine.
      test.setTimeout(240_000);
      const setup = await callApi<Record<string, unknown>>(server, 'previewCountyDefinition', {
        fileName: 'county.csv',
        contentBase64: readFileSync(join(DEMO, 'county.csv')).toString('base64'),
      });
      const manifest = JSON.parse(readFileSync(join(SCANS, 'manifest.json'), 'utf8')) as {
        election: { name: string; date: string };
        files: { file: string; pages: { precinct: string }[] }[];
      };
      await callApi(server, 'createCounty', {
        chair: TEST_CHAIR,
        setup: { ...setup, name: manifest.election.name, date: manifest.election.date, rulesProfile: 'iowa-dem-2020' },
      });
      await page.reload();
      await signIn(page, TEST_CHAIR.name, TEST_CHAIR.pin);
      const file = 'printed-straight.png';
      const precinct = manifest.files.find((entry) => entry.file === file)?.pages[0]?.precinct as string;
      await page.keyboard.press('Alt+8');
      await page.getByLabel('Where these files came from').selectOption('scan');
      await page.getByLabel('Files to import', { exact: true }).setInputFiles(join(SCANS, file));
      await expect(page.getByRole('table', { name: 'Import results' })).toContainText('Sent to review');
      await page.keyboard.press('Alt+9');
      await page.getByRole('button', { name: `Read ${file}` }).click();
      // The dropdown is named by its visible label alone (its hint describes it).
      await expect(
        page.getByRole('combobox', { name: 'Which precinct should this sheet be?', exact: true }),
      ).toBeVisible();
      await page.getByRole('button', { name: 'Read the scan' }).click();
      const first = page.getByRole('textbox', { name: 'Adams, first alignment' });
      await expect(first).toBeVisible({ timeout: 150_000 });
      await expect(page.getByText('page straight')).toBeVisible();
      await expect(page.getByText(/turned 35\d°/)).toHaveCount(0);

      // Values the reader was not sure of are accepted as read (Enter), so that every value reads as checked:
      // the case where Ctrl+Enter from the first box filed the whole page unseen.
      const progress = page.getByTestId('scan-progress');
      for (let step = 0; step < 40 && (await progress.textContent()) !== 'Every value is confirmed.'; step += 1) {
        await page.keyboard.press('Enter');
        // Focus moves once the confirmation has rendered.
        await page.waitForTimeout(200);
      }
      await expect(progress).toHaveText('Every value is confirmed.');
      await first.focus();
      await page.keyboard.press('Control+Enter');
      const last = page.getByRole('dialog', { name: `File this worksheet for precinct ${precinct}?` });
      await expect(last).toBeVisible();
      await expect(last.getByRole('table', { name: 'Values to file' })).toBeVisible();
      await expect(last.getByRole('button', { name: 'Confirm: these match the paper' })).toBeInViewport();
      await page.keyboard.press('Control+Enter');
      await page.keyboard.press('Enter');
      await expect(last).toBeVisible();
      expect((await callApi<{ reports: unknown[] }>(server, 'getPrecinct', { precinct })).reports).toHaveLength(0);
    });
  });
}
