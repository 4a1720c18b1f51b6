import { callApi, expect, goTo, signIn, TEST_CHAIR, test } from './fixtures';

test('a plurality county keys plain vote counts: one column, no viability, vote totals on the dashboard', async ({
  app: page,
  server,
}) => {
  await callApi(server, 'createCounty', {
    chair: TEST_CHAIR,
    setup: {
      county: 'Linn County',
      name: 'Linn County Straw Poll',
      date: '2028-01-20',
      rulesProfile: 'plurality',
      sdePerDelegate: 1,
      precincts: [{ code: 'L1', name: 'Linn 1', delegates: 0 }],
      candidates: ['Adams', 'Baker'],
    },
  });
  await page.reload();
  await signIn(page, TEST_CHAIR.name, TEST_CHAIR.pin);
  await goTo(page, 'Enter worksheet');
  await expect(page.getByRole('combobox', { name: 'Precinct' })).toBeFocused();
  await page.keyboard.type('L1');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Votes for Adams')).toBeFocused();
  await expect(page.getByLabel('Final alignment for Adams')).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Precinct math' })).toHaveCount(0);
  for (const value of ['41', '17']) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved precinct L1' })).toContainText('no findings');

  await goTo(page, 'Dashboard');
  const totals = page.getByRole('table', { name: 'County totals by candidate' });
  await expect(totals.locator('thead th')).toHaveText(['Candidate', 'Votes']);
  await expect(totals.locator('tr[data-candidate="Adams"] td')).toHaveText(['41']);
  await expect(page.getByRole('img', { name: 'Votes by candidate' }).locator('desc')).toContainText('Adams 41 votes');
});
