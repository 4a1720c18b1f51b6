/**
 * Drives and settings end to end: a stick with report files appears under a mount root while the app
 * is open; the Import files screen lists it by precinct, the navigation badge counts its files,
 * and one click imports them. The chair then sets up automatic backups in Settings and sees the
 * first verified backup's time.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { callApi, expect, signIn, TEST_CHAIR, test } from './fixtures';

const DEMO = resolve(import.meta.dirname, '../../resources/demo');
// The serve harness this worker starts watches this folder for drives instead of the OS's.
const MEDIA = mkdtempSync(join(tmpdir(), 'tallyroom-e2e-media-'));
process.env.TALLYROOM_MOUNT_ROOTS = MEDIA;
test.afterAll(() => rmSync(MEDIA, { recursive: true, force: true }));

test('a stick appears: its files by precinct, a badge, one click imports them; then automatic backups', async ({
  app: page,
  server,
}) => {
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

  const stick = join(MEDIA, `STICK-${Date.now()}`);
  mkdirSync(stick);
  const files = readdirSync(join(DEMO, 'usb'))
    .filter((name) => name.endsWith('.csv'))
    .slice(0, 3);
  for (const name of files) copyFileSync(join(DEMO, 'usb', name), join(stick, name));

  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByTestId('pending-badge-import')).toHaveText(new RegExp(`^${files.length}`));
  await nav.getByRole('button', { name: /Import files/ }).click();
  const drive = page.locator('.drive-card');
  await expect(drive.getByTestId('drive-summary')).toContainText(`${files.length} files not imported yet`);
  await drive.getByTestId('drive-import-all').click();
  await expect(page.getByTestId('import-totals')).toContainText(`${files.length}Reports imported`);
  await expect(drive.getByTestId('drive-import-all')).toHaveText('Everything imported');
  await expect(nav.getByTestId('pending-badge-import')).toHaveCount(0);

  const backups = join(server.dir, 'BACKUP-STICK');
  mkdirSync(backups);
  await nav.getByRole('button', { name: /Settings/ }).click();
  const form = page.getByRole('form', { name: 'Backups' });
  await form.getByLabel('Backup folder (e.g. on a USB stick)').fill(backups);
  await form.getByRole('button', { name: 'Save backup settings' }).click();
  await expect(page.getByText('Saved. The first backup is taken within a minute.')).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(/Backup written and verified:/)).toBeVisible();
  await expect(page.getByTestId('backup-last')).not.toHaveText('—');
  expect(readdirSync(backups).some((name) => /^tallyroom-backup-.*\.db$/.test(name))).toBe(true);
  await expect(page.getByTestId('mailbox-last-check')).toContainText('No county mailbox set up yet.');
});
