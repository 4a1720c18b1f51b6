import { callApi, DEMO_CHAIR, expect, screenshot, signIn, signOut, test } from './fixtures';

test('people sign in with name and PIN; each change is recorded under who is signed in', async ({ page, server }) => {
  await page.goto(server.url);
  // The token leaves the address bar at once (it stays in this tab's sessionStorage).
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('');

  // An empty database: nobody to sign in as yet; the dashboard says what to do next.
  await expect(page.getByRole('heading', { name: 'No county is set up yet' })).toBeVisible();
  await screenshot(page, 'dashboard-empty');
  await page.getByRole('button', { name: 'Open the demo county' }).click();

  // The demo county has a team: sign in is asked for, with the demo chair named (README).
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await expect(dialog).toContainText(`the chair is ${DEMO_CHAIR.name}, PIN ${DEMO_CHAIR.pin}`);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Type your name as the chair added you.');
  await dialog.getByLabel('Name').fill('Jordan Lee');
  await dialog.getByLabel('PIN').fill('9999');
  await screenshot(page, 'sign-in');
  await dialog.getByLabel('PIN').press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('That name and PIN do not match.');
  await expect(dialog.getByLabel('PIN')).toHaveValue('');

  await signIn(page, 'Jordan Lee', '1111');
  await expect(page.getByTestId('operator-role')).toHaveText('Data entry');
  await expect(page.getByRole('banner')).toContainText('Tally County');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  const log = await callApi<{ entries: { operator: string; action: string }[] }>(server, 'getAuditLog', {
    limit: 5,
    offset: 0,
  });
  expect(log.entries[0]).toMatchObject({ operator: 'Jordan Lee', action: 'operator.signed-in' });

  // A reload keeps the session (no prompt, the county still loads).
  await page.reload();
  await expect(page.getByTestId('operator-name')).toHaveText('Jordan Lee');
  await expect(dialog).toBeHidden();

  // Someone else takes over: sign out, sign in.
  await signOut(page);
  await signIn(page, 'Sam Ortiz', '2222');
  const after = await callApi<{ entries: { operator: string; action: string }[] }>(server, 'getAuditLog', {
    limit: 2,
    offset: 0,
  });
  expect(after.entries.map((entry) => [entry.operator, entry.action])).toEqual([
    ['Sam Ortiz', 'operator.signed-in'],
    ['Jordan Lee', 'operator.signed-out'],
  ]);
});

test('a page opened without the token says how to get in instead of failing silently', async ({ page, server }) => {
  await page.goto(new URL(server.url).origin);
  await expect(page.getByRole('alert').first()).toContainText('opened without its access token');
});
