/**
 * docs/screens/*.png: every screen and dialog at 1280x720, the demo county signed in as its chair
 * (and the first-run setup on an empty database). What the window shows, not the whole page: that is
 * what a volunteer sees first. PNGs go through pngquant when it is installed, to keep them small.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { DEMO_CHAIR, expect, signIn, test } from '../../tests/e2e/fixtures';

const OUT = resolve(import.meta.dirname, '../../docs/screens');

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  try {
    execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=45-80', '--speed=1', '--output', path, path]);
  } catch {
    // pngquant missing or no gain: the PNG as taken.
  }
}

async function openScreen(page: Page, label: string): Promise<void> {
  const button = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label });
  await button.first().click();
  await expect(button.first()).toHaveAttribute('aria-current', 'page');
}

async function keyWorksheet(grid: Locator, rows: readonly (readonly string[])[]): Promise<void> {
  const lines = await grid.locator('tbody tr[data-candidate]:not(.message-row)').all();
  for (const [index, line] of lines.entries()) {
    const values = rows[index] ?? ['0', '0', ''];
    for (const [column, value] of values.entries()) await line.getByRole('textbox').nth(column).fill(value);
  }
}

test.describe('demo county', () => {
  test.use({ demo: true });

  test('every screen and dialog', async ({ app: page }) => {
    const screens: [string, string][] = [
      ['Dashboard', '01-dashboard'],
      ['Enter worksheet', '02-worksheet'],
      ['Precincts', '05-precincts'],
      ['Discrepancies', '07-discrepancies'],
      ['Recount', '08-recount'],
      ['Audit log', '09-audit-log'],
      ['County setup', '10-county-setup'],
      ['Import files', '11-import-files'],
      ['Review', '12-review'],
      ['Team', '13-team'],
      ['Settings', '14-settings'],
      ['Risk-limiting audit', '15-risk-limiting-audit'],
      ['State party', '17-state-party'],
    ];
    for (const [label, name] of screens) {
      await openScreen(page, label);
      await shoot(page, name);
    }

    // The worksheet with a sheet typed in, then one that breaks the rules and the check before saving it.
    await openScreen(page, 'Enter worksheet');
    await page.getByRole('combobox', { name: 'Precinct' }).fill('P01');
    await page.getByRole('option', { name: /P01/ }).first().click();
    const grid = page.getByRole('table', { name: /Worksheet for precinct/ });
    await keyWorksheet(grid, [
      ['40', '42', ''],
      ['30', '31', ''],
      ['20', '22', ''],
      ['12', '0', ''],
      ['9', '12', ''],
      ['6', '0', ''],
    ]);
    await expect(grid.locator('[data-column="rules-delegates"]').first()).not.toHaveText('—');
    await shoot(page, '03-worksheet-keyed');
    await keyWorksheet(grid, [
      ['40', '45', '5'],
      ['30', '31', '3'],
      ['20', '22', '2'],
      ['12', '0', '1'],
      ['9', '12', ''],
      ['6', '0', ''],
    ]);
    await expect(grid.locator('[data-finding]').first()).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('dialog', { name: 'Check the paper' })).toBeVisible();
    await shoot(page, '04-worksheet-check-the-paper');
    await page.keyboard.press('Escape');

    // Export, once the county has its signing key: the bundle's status, download, and the USB stick box.
    await openScreen(page, 'Export bundle');
    await shoot(page, '16-export-bundle-no-key');
    await page.getByLabel('Passphrase (at least 8 characters)').fill('correct horse battery');
    await page.getByLabel('Passphrase again').fill('correct horse battery');
    await page.getByRole('button', { name: 'Make the county key' }).click();
    await expect(page.getByRole('button', { name: 'Export and download' })).toBeVisible();
    await shoot(page, '16-export-bundle');

    // A precinct's page: the conflicting reports side by side.
    await openScreen(page, 'Precincts');
    await page.getByRole('table', { name: 'Precincts' }).locator('tbody tr[data-precinct="P02"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('P02');
    await shoot(page, '06-precinct-detail');

    // Signed out: the sign-in dialog.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('dialog', { name: 'Sign in' })).toBeVisible();
    await shoot(page, '18-sign-in');
    await signIn(page, DEMO_CHAIR.name, DEMO_CHAIR.pin);
  });
});

test('first run: setting up a county', async ({ app: page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'County setup' }).click();
  await page.getByLabel('County name').fill('Story County');
  await page.getByLabel('Election name').fill('2028 Democratic Precinct Caucuses');
  await page.getByLabel('SDE per county delegate').fill('0.25');
  await page.getByLabel('Precinct 1 code').fill('AM1');
  await page.getByLabel('Precinct 1 name').fill('Ames 1');
  await page.getByLabel('Precinct 1 delegates').fill('7');
  await page.getByLabel('Candidate 1 name').fill('Adams');
  await shoot(page, '19-setup-new-county');
  await page.getByLabel('Chair’s name').fill('Pat Quinn');
  await page.getByLabel('Chair’s PIN').fill('1234');
  await page.getByRole('button', { name: /Create county/ }).click();
  await expect(page.getByRole('dialog', { name: 'Create Story County?' })).toBeVisible();
  await shoot(page, '20-setup-create-county-dialog');
});
