import { callApi, createTestCounty, expect, goTo, screenshot, signIn, TEST_CHAIR, test } from './fixtures';

const CANDIDATES = ['Adams', 'Baker', 'Castillo'] as const;

test.beforeEach(async ({ app: page, server }) => {
  await createTestCounty(server, [
    { code: 'OAK1', name: 'Oakwood 1', delegates: 7 },
    { code: 'ELM2', name: 'Elm 2', delegates: 4 },
    { code: 'PINE', name: 'Pine Ridge', delegates: 6 },
  ]);
  await page.reload();
  await signIn(page, TEST_CHAIR.name, TEST_CHAIR.pin);
  await expect(page.getByRole('banner')).toContainText('Polk County');
});

test('a worksheet keyed from the keyboard alone shows the caucus math, saves, and updates the county totals', async ({
  app: page,
  server,
}) => {
  await goTo(page, 'Enter worksheet');
  const picker = page.getByRole('combobox', { name: 'Precinct' });
  await expect(picker).toBeFocused();
  await page.keyboard.type('oakw');
  await expect(page.getByRole('option', { name: /OAK1/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('First alignment for Adams')).toBeFocused();

  // Enter moves down the column, then to the top of the next one — as the worksheet is read.
  for (const value of ['20', '10', '7', '20', '10', '7', '4', '2', '1']) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('button', { name: /Save worksheet/ })).toBeFocused();
  // Arrow keys move within a column.
  await page.getByLabel('Final alignment for Castillo').focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('Final alignment for Baker')).toBeFocused();

  await expect(page.getByTestId('eligible-attendees')).toHaveText('37');
  await expect(page.getByTestId('viability-threshold')).toHaveText('6');
  await expect(page.getByTestId('threshold-rule')).toHaveText('15% of attendees, rounded up');
  await expect(page.getByTestId('viable-groups')).toHaveText('Adams, Baker and Castillo');
  const grid = page.getByRole('table', { name: 'Worksheet for precinct OAK1' });
  await expect(grid.locator('[data-column="rules-delegates"]')).toHaveText(['4', '2', '1']);
  await expect(grid.locator('[data-column="rules-sde"]')).toHaveText(['1.000', '0.500', '0.250']);
  await expect(grid.locator('[data-finding]')).toHaveCount(0);
  await screenshot(page, 'worksheet-entry');

  await page.keyboard.press('Control+Enter');
  const saved = page.getByRole('status').filter({ hasText: 'Saved precinct OAK1' });
  await expect(saved).toBeVisible();
  await expect(saved.locator('[data-status]')).toHaveAttribute('data-status', 'received');
  await expect(saved).toContainText('no findings');
  // Cleared for the next precinct, cursor back in the precinct box.
  await expect(page.getByRole('combobox', { name: 'Precinct' })).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Precinct' })).toHaveValue('');

  await goTo(page, 'Dashboard');
  await expect(page.getByText('1 of 3 precincts reporting')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Received: 1 precinct' })).toBeVisible();
  const totals = page.getByRole('table', { name: 'County totals by candidate' });
  const adams = totals.locator('tr[data-candidate="Adams"]');
  await expect(adams.locator('td')).toHaveText(['20', '20', '4', '1.000']);
  await expect(totals.locator('tr[data-candidate="Castillo"] td')).toHaveText(['7', '7', '1', '0.250']);
  const chart = page.getByRole('img', { name: /State delegate equivalents/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('desc')).toContainText('Adams 1.000 SDE · 4 del.');
  await expect(chart.locator('title').first()).toHaveText(/State delegate equivalents/);
  await expect(page.getByRole('table', { name: 'Precincts' }).locator('tr[data-precinct="OAK1"]')).toContainText(
    'Received',
  );
  await screenshot(page, 'dashboard');

  const detail = await callApi<{ reports: { operator: string; source: string }[] }>(server, 'getPrecinct', {
    precinct: 'OAK1',
  });
  expect(detail.reports).toEqual([expect.objectContaining({ operator: 'Pat Quinn', source: 'manual' })]);
});

test('findings show beside the box they concern, in the checker’s words', async ({ app: page }) => {
  await goTo(page, 'Enter worksheet');
  await expect(page.getByRole('combobox', { name: 'Precinct' })).toBeFocused();
  await page.keyboard.type('ELM2');
  await page.keyboard.press('Enter');

  const first = [10, 5, 5];
  const final = [12, 4, 7];
  for (const [index, name] of CANDIDATES.entries()) {
    await page.getByLabel(`First alignment for ${name}`).fill(String(first[index]));
    await page.getByLabel(`Final alignment for ${name}`).fill(String(final[index]));
  }

  // Totals: final 23 > first 20 — a finding for the whole worksheet, at its top, and the total is marked.
  const exceeds = page.locator('[data-finding="FINAL_EXCEEDS_FIRST"]');
  await expect(exceeds).toContainText(
    'The final alignment adds up to 23, more than the 20 eligible attendees counted in the first alignment.',
  );
  await expect(page.locator('[data-column="total-finalAlignment"]')).toHaveClass(/flagged/);

  // Baker was viable (5 >= threshold 3) and shrank: the message sits in Baker's final alignment box.
  const bakerFinal = page.getByLabel('Final alignment for Baker');
  const bakerMessages = page.locator('tr.message-row[data-candidate="Baker"][data-field="finalAlignment"]');
  await expect(bakerMessages.locator('[data-finding="VIABLE_GROUP_SHRANK"]')).toHaveText(
    'Baker was viable in the first alignment (5, threshold 3), so its members were locked in, but the final alignment shows 4.',
  );
  await expect(bakerFinal).toHaveAttribute('aria-invalid', 'true');
  await expect(bakerFinal).toHaveAccessibleDescription(/Baker was viable in the first alignment/);

  // Something that is not a number is caught in the box, and blocks saving.
  const adamsDelegates = page.getByLabel('Delegates awarded for Adams');
  await adamsDelegates.fill('2O');
  await expect(page.locator('tr.message-row[data-candidate="Adams"][data-field="delegatesAwarded"]')).toHaveText(
    '“2O” is not a number. Type digits only.',
  );
  await expect(adamsDelegates).toHaveAccessibleDescription('“2O” is not a number. Type digits only.');
  await expect(page.getByRole('button', { name: /Save worksheet/ })).toBeDisabled();
  await screenshot(page, 'worksheet-findings');
  await adamsDelegates.fill('');

  // A negative count goes to the checker as typed and is refused with its message.
  await page.getByLabel('First alignment for Castillo').fill('-5');
  await expect(page.getByLabel('First alignment for Castillo')).toHaveAccessibleDescription(
    'The first alignment for Castillo must be a whole number of 0 or more, not -5.',
  );
  await page.getByLabel('First alignment for Castillo').fill('5');

  // A sheet with findings is saved from a second, deliberate step that lists them.
  await page.getByRole('button', { name: /Save worksheet/ }).click();
  const check = page.getByRole('dialog', { name: 'Check the paper' });
  await expect(check.getByRole('list', { name: 'Findings on this worksheet' }).getByRole('listitem')).toHaveCount(2);
  await check.getByRole('button', { name: 'Save as the paper says' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Saved precinct ELM2' });
  await expect(saved).toContainText('2 findings for the chair to review');
  await goTo(page, 'Precincts');
  const row = page.getByRole('table', { name: 'Precincts' }).locator('tr[data-precinct="ELM2"]');
  await expect(row).toContainText('Final exceeds first');
  await expect(row).toContainText('Viable group shrank');
});

test('a coin toss the rules call for is recorded by a person, then decides the delegates', async ({
  app: page,
  server,
}) => {
  await goTo(page, 'Enter worksheet');
  await expect(page.getByRole('combobox', { name: 'Precinct' })).toBeFocused();
  await page.keyboard.type('Pine');
  await page.keyboard.press('Enter');
  for (const value of ['100', '50', '50', '100', '50', '50']) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('eligible-attendees')).toHaveText('200');
  await expect(page.getByTestId('viability-threshold')).toHaveText('30');

  const toss = page.getByRole('region', { name: 'Coin toss' });
  await expect(toss).toContainText('Coin toss needed between Baker and Castillo for 1 delegate');
  const grid = page.getByRole('table', { name: 'Worksheet for precinct PINE' });
  await expect(grid.locator('[data-column="rules-delegates"]')).toHaveText(['—', '—', '—']);
  await screenshot(page, 'coin-toss');

  await toss.getByRole('button', { name: 'Castillo won the toss' }).click();
  await expect(toss).toBeHidden();
  await expect(page.getByRole('list', { name: 'Coin tosses recorded' })).toContainText(
    'Coin toss recorded: Castillo won over Baker',
  );
  await expect(grid.locator('[data-column="rules-delegates"]')).toHaveText(['3', '1', '2']);

  await page.getByLabel('Delegates awarded for Adams').fill('3');
  await page.getByLabel('Delegates awarded for Baker').fill('1');
  await page.getByLabel('Delegates awarded for Castillo').fill('2');
  await expect(grid.locator('[data-finding]')).toHaveCount(0);
  await page.keyboard.press('Control+Enter');
  const saved = page.getByRole('status').filter({ hasText: 'Saved precinct PINE' });
  await expect(saved).toContainText('no findings');

  const detail = await callApi<{ current: { coinTosses: unknown[] } }>(server, 'getPrecinct', { precinct: 'PINE' });
  expect(detail.current.coinTosses).toEqual([{ tied: ['Baker', 'Castillo'], winners: ['Castillo'] }]);

  await saved.getByRole('button', { name: 'Open precinct' }).click();
  await expect(page.getByRole('heading', { name: 'Precinct PINE · Pine Ridge' })).toBeVisible();
  await expect(page.getByText('Coin tosses: Castillo won over Baker')).toBeVisible();
  const current = page.getByRole('table', { name: 'Current result' });
  await expect(current.locator('tbody tr').nth(2)).toContainText('Castillo');
  await expect(current.locator('tbody tr').nth(2).locator('td').nth(3)).toHaveText('2');
});
