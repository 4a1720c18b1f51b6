/**
 * Bundles end to end in Chromium: the chair makes the county signing key, exports a signed bundle
 * and its certification report; then, in state party mode, the bundle is verified against the
 * registered key and totalled with charts, and a tampered copy is refused with the reason.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { expectAccessible } from './axe';
import { callApi, createTestCounty, expect, screenshot, signIn, TEST_CHAIR, test } from './fixtures';

const PASSPHRASE = 'county night 2028';

test('the chair signs a bundle and the state party verifies and totals it', async ({ app: page, server }) => {
  // The key file's scrypt (128 MiB, by design slow to guess) runs three times on a shared 2-core machine.
  test.setTimeout(180_000);
  await createTestCounty(server, [
    { code: 'OAK1', name: 'Oakwood 1', delegates: 7 },
    { code: 'ELM2', name: 'Elm 2', delegates: 1 },
  ]);
  const { session } = await callApi<{ session: string }>(server, 'signIn', TEST_CHAIR);
  const sheet = (counts: readonly [number, number][]) =>
    ['Adams', 'Baker', 'Castillo'].map((candidate, index) => ({
      candidate,
      firstAlignment: counts[index]?.[0] ?? 0,
      finalAlignment: counts[index]?.[1] ?? 0,
      delegatesAwarded: null,
    }));
  await callApi(server, 'submitWorksheet', {
    session,
    precinct: 'OAK1',
    lines: sheet([
      [20, 20],
      [10, 10],
      [7, 7],
    ]),
  });
  await callApi(server, 'submitWorksheet', {
    session,
    precinct: 'ELM2',
    lines: sheet([
      [3, 5],
      [2, 0],
      [1, 1],
    ]),
  });
  await page.reload();
  await signIn(page, TEST_CHAIR.name, TEST_CHAIR.pin);

  // The chair makes the county key.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Export bundle' }).click();
  await expect(page.getByRole('heading', { name: 'Export signed bundle' })).toBeVisible();
  await page.getByLabel('Passphrase (at least 8 characters)').fill(PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Make the county key' }).click();
  const fingerprint = page.getByTestId('key-fingerprint');
  await expect(fingerprint).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);

  const publicKeyDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download public key (Polk County.pub)' }).click();
  const publicKey = await publicKeyDownload;
  expect(publicKey.suggestedFilename()).toBe('Polk County.pub');
  const keysDir = join(server.dir, 'registered-keys');
  mkdirSync(keysDir);
  // The state party registers the key as it was downloaded, once the fingerprints match: no renaming.
  await publicKey.saveAs(join(keysDir, publicKey.suggestedFilename()));

  // A wrong passphrase signs nothing.
  await page.getByLabel('Signing key passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Export and download' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase does not open the county signing key.');

  await page.getByLabel('Signing key passphrase').fill(PASSPHRASE);
  const bundleDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export and download' }).click();
  const bundle = await bundleDownload;
  expect(bundle.suggestedFilename()).toBe('polk-county-bundle-1.zip');
  const bundlePath = join(server.dir, 'polk-county-bundle-1.zip');
  await bundle.saveAs(bundlePath);
  await expect(page.getByTestId('exported-bundle')).toContainText('Bundle 1 (unofficial-complete) is signed');
  await expect(page.getByTestId('bundle-fingerprint')).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  const reportDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the certification report (PDF)' }).click();
  expect((await reportDownload).suggestedFilename()).toBe('polk-county-bundle-1-certification-report.pdf');
  await screenshot(page, 'export-bundle');

  // A copy someone changed on the way: Adams gains 70 supporters in the CSV.
  const files = unzipSync(readFileSync(bundlePath));
  const csv = 'polk-county-bundle-1/data/results.csv';
  files[csv] = new TextEncoder().encode(new TextDecoder().decode(files[csv]).replace(',Adams,20,20,', ',Adams,90,90,'));
  const tamperedPath = join(server.dir, 'polk-county-changed.zip');
  writeFileSync(tamperedPath, zipSync(files));

  // State party mode.
  await nav.getByRole('button', { name: 'State party' }).click();
  await page.getByTestId('bundle-files').setInputFiles([bundlePath, tamperedPath]);
  await page.getByTestId('key-files').setInputFiles(keysDir);
  await page.getByRole('button', { name: 'Verify and total' }).click();

  const checks = page.getByTestId('bundle-checks');
  await expect(checks.locator('li', { hasText: 'polk-county-bundle-1.zip' })).toContainText(
    "Verified: signed with Polk County's registered key, unchanged since signing, and its files agree.",
  );
  await expect(checks.locator('li', { hasText: 'polk-county-changed.zip' })).toContainText('refused');
  await expect(page.getByTestId('refused-bundles')).toContainText(
    'data/results.csv was changed after the bundle was signed',
  );
  await expect(page.getByRole('img', { name: 'State delegate equivalents by candidate' })).toBeVisible();
  const totals = page.getByTestId('statewide-totals');
  await expect(totals.getByRole('row', { name: /Adams/ })).toContainText('25');
  await expectAccessible(page, 'the State party results');
  const statewideDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export statewide results' }).click();
  const statewide = await statewideDownload;
  expect(statewide.suggestedFilename()).toMatch(/^statewide-results-\d{4}-\d{2}-\d{2}T\d{6}Z\.zip$/);
  const statewideFiles = unzipSync(readFileSync((await statewide.path()) as string));
  expect(Object.keys(statewideFiles).sort()).toEqual([
    'results.csv',
    'results.json',
    'results.nist-1500-100.json',
    'results.xlsx',
  ]);
  await screenshot(page, 'state-party');
});
