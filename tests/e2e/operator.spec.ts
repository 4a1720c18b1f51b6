import { callApi, expect, screenshot, test } from './fixtures';

test('the operator is asked for at start, kept for the tab, shown in the header and sent with changes', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  // The token leaves the address bar at once (it stays in this tab's sessionStorage).
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('');

  const dialog = page.getByRole('dialog', { name: 'Who is at the keyboard?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Your name')).toBeFocused();
  await screenshot(page, 'operator-prompt');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Type your name so your changes are recorded under it.');
  await dialog.getByLabel('Your name').fill('Alex Kim');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('operator-name')).toHaveText('Alex Kim');

  // An empty database: the dashboard says what to do next.
  await expect(page.getByRole('heading', { name: 'No county is set up yet' })).toBeVisible();
  await screenshot(page, 'dashboard-empty');
  await page.getByRole('button', { name: 'Open the demo county' }).click();
  await expect(page.getByRole('banner')).toContainText('Tally County');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  const log = await callApi<{ entries: { operator: string; action: string }[] }>(server, 'getAuditLog', {
    limit: 1000,
    offset: 0,
  });
  expect(log.entries.some((entry) => entry.operator === 'Alex Kim')).toBe(true);

  // Someone else takes over.
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(dialog.getByLabel('Your name')).toHaveValue('Alex Kim');
  await dialog.getByLabel('Your name').fill('Sam Ortiz');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('operator-name')).toHaveText('Sam Ortiz');

  // A reload keeps both the operator and the token (no prompt, the county still loads).
  await page.reload();
  await expect(page.getByTestId('operator-name')).toHaveText('Sam Ortiz');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('banner')).toContainText('Tally County');
});

test('a page opened without the token says how to get in instead of failing silently', async ({ page, server }) => {
  await page.goto(new URL(server.url).origin);
  await page.getByLabel('Your name').fill('Alex Kim');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('opened without its access token');
});
