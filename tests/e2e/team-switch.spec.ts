/**
 * Team mode in Chromium: the chair turns team mode on from the Team screen (no command line), is
 * told plainly that the hub starts when Tallyroom next opens, and can turn it off again.
 */
import { expect, screenshot, test } from './fixtures';

test.use({ demo: true });

test('the chair turns team mode on for this laptop from the Team screen', async ({ app: page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Team' }).click();
  await expect(page.getByText('This laptop works alone')).toBeVisible();
  const card = page
    .locator('section, div')
    .filter({ has: page.getByRole('heading', { name: 'Team mode on this laptop' }) })
    .last();
  await expect(page.getByLabel('Hub port')).toHaveValue('7443');

  await page.getByRole('button', { name: 'Turn team mode on' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'it will start as the county hub' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Turn team mode off' })).toBeVisible();
  await screenshot(page, 'team-switch-on');

  await page.getByRole('button', { name: 'Turn team mode off' }).click();
  await expect(page.getByRole('button', { name: 'Turn team mode on' })).toBeVisible();
  await expect(card).not.toContainText('it will start as the county hub');
});
