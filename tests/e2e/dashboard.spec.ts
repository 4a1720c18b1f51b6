import { expect, goTo, screenshot, test } from './fixtures';

test.use({ demo: true });

test('the demo county dashboard filters precincts by status, by finding and by text, and opens a precinct', async ({
  app: page,
}) => {
  await expect(page.getByRole('banner')).toContainText('Tally County');
  await expect(page.getByText('19 of 24 precincts reporting')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Precincts reporting' })).toHaveAttribute('aria-valuenow', '19');
  await expect(page.getByRole('button', { name: 'Missing: 5 precincts' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Conflict: 1 precinct' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'County totals by candidate' }).locator('tbody tr')).toHaveCount(6);
  const chart = page.getByRole('img', { name: /State delegate equivalents/ });
  await expect(chart.locator('g.bar-row')).toHaveCount(6);
  await screenshot(page, 'dashboard-demo');

  const table = page.getByRole('table', { name: 'Precincts' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(24);

  // A status card filters the list; pressing it again clears the filter.
  const conflictCard = page.getByRole('button', { name: 'Conflict: 1 precinct' });
  await conflictCard.click();
  await expect(conflictCard).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-precinct', 'P02');
  await conflictCard.click();
  await expect(rows).toHaveCount(24);

  await page.getByLabel('Filter by status').selectOption('missing');
  await expect(rows).toHaveCount(5);
  for (const row of await rows.all()) await expect(row).toContainText('Missing');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(24);

  await page.getByLabel('Filter by finding').selectOption('FINAL_EXCEEDS_FIRST');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-precinct', 'P11');
  // Status and finding filters combine.
  await page.getByLabel('Filter by status').selectOption('verified');
  await expect(page.getByText('No precinct matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // The findings summary is a shortcut to the same filter.
  await page
    .getByRole('region', { name: 'Findings in the county' })
    .getByRole('button', { name: /Allocation mismatch/ })
    .click();
  await expect(page.getByLabel('Filter by finding')).toHaveValue('ALLOCATION_MISMATCH');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-precinct', 'P22');
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await page.getByLabel('Search precincts').fill('ames');
  await expect(rows).toHaveCount(4);
  await page.getByLabel('Search precincts').fill('p1');
  await expect(rows).toHaveCount(10);
  await page.getByLabel('Search precincts').fill('howard');
  await expect(rows).toHaveCount(1);

  await rows.first().click();
  await expect(page.getByRole('heading', { name: 'Precinct P11 · Howard' })).toBeVisible();
  await expect(page.locator('.status-banner [data-status]')).toHaveAttribute('data-status', 'received');
  await expect(page.locator('.status-reason')).not.toBeEmpty();
  await expect(page.locator('[data-finding="FINAL_EXCEEDS_FIRST"]')).toContainText('The final alignment adds up to');
  const reports = page.getByRole('table', { name: 'Reports received' });
  await expect(reports.locator('tbody tr')).toHaveCount(1);
  await expect(reports).toContainText('USB stick');
  await expect(reports.locator('code.hash').first()).toHaveText(/^[0-9a-f]{16}…$/);
  await reports.getByRole('button', { name: 'Show numbers' }).click();
  await expect(page.getByRole('table', { name: /Numbers of report/ })).toContainText('Adams');
  await screenshot(page, 'precinct-detail');

  await page.getByRole('button', { name: '← All precincts' }).click();
  await expect(page.getByRole('heading', { name: 'Precincts' })).toBeVisible();
});

test('a precinct in conflict shows both reports and why it has no current result', async ({ app: page }) => {
  await goTo(page, 'Precincts');
  await page.getByLabel('Filter by status').selectOption('conflict');
  await page.getByRole('button', { name: 'Open precinct P02 Ames 2' }).click();
  await expect(page.getByRole('heading', { name: 'Precinct P02 · Ames 2' })).toBeVisible();
  await expect(page.locator('.status-banner [data-status]')).toHaveAttribute('data-status', 'conflict');
  await expect(page.getByText('The reports for this precinct disagree, so there is no current result.')).toBeVisible();
  const compared = page.getByRole('table', { name: 'Reports compared' });
  await expect(compared.locator('tbody tr')).toHaveCount(6);
  expect(await compared.locator('td[data-differs]').count()).toBeGreaterThan(0);
  const reports = page.getByRole('table', { name: 'Reports received' });
  await expect(reports.locator('tbody tr')).toHaveCount(2);
  await expect(reports).toContainText('USB stick');
  await expect(reports).toContainText('Phoned in');
  await screenshot(page, 'precinct-detail-conflict');

  // From the detail, key in a third report for this precinct.
  await page.getByRole('button', { name: 'Key in a worksheet for this precinct' }).click();
  await expect(page.getByRole('heading', { name: 'Enter a worksheet' })).toBeVisible();
  await expect(page.getByLabel('First alignment for Adams')).toBeFocused();
  // Blind entry: the precinct's reports are there, their numbers are not shown.
  await expect(page.getByText('This precinct already has reports. Key the worksheet blind')).toBeVisible();
});
