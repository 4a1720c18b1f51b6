/**
 * Verification end to end: two people key one worksheet blind, their disagreement goes to the chair's
 * discrepancy queue, the chair resolves it and certifies the precinct with a PIN; a recount
 * verifier's hand count shows what changes against the certified result.
 */

import type { Page } from '@playwright/test';
import {
  callApi,
  createTestCounty,
  expect,
  goTo,
  type Server,
  screenshot,
  signIn,
  signOut,
  TEST_CHAIR,
  test,
} from './fixtures';

const TEAM = [
  { name: 'Jordan Lee', role: 'entry', pin: '1111' },
  { name: 'Sam Ortiz', role: 'entry', pin: '2222' },
  { name: 'Riley Park', role: 'verifier', pin: '3333' },
] as const;

async function countyWithTeam(server: Server, page: Page): Promise<void> {
  await createTestCounty(server, [
    { code: 'OAK1', name: 'Oakwood 1', delegates: 7 },
    { code: 'ELM2', name: 'Elm 2', delegates: 1 },
  ]);
  const { session } = await callApi<{ session: string }>(server, 'signIn', TEST_CHAIR);
  for (const member of TEAM) await callApi(server, 'addOperator', { session, ...member });
  await page.reload();
}

/** Keys OAK1's worksheet from the keyboard: first alignment down, then final, then delegates. */
async function keyWorksheet(page: Page, values: readonly number[]): Promise<void> {
  await goTo(page, 'Enter worksheet');
  await expect(page.getByRole('combobox', { name: 'Precinct' })).toBeFocused();
  await page.keyboard.type('OAK1');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('First alignment for Adams')).toBeFocused();
  await typeDownTheColumns(page, values);
}

async function typeDownTheColumns(page: Page, values: readonly number[]): Promise<void> {
  for (const value of values) {
    await page.keyboard.type(String(value));
    await page.keyboard.press('Enter');
  }
}

test('two operators key one worksheet blind, the chair resolves the disagreement and certifies', async ({
  app: page,
  server,
}) => {
  await countyWithTeam(server, page);

  // First entry: Jordan keys the paper worksheet.
  await signIn(page, 'Jordan Lee', '1111');
  await keyWorksheet(page, [20, 10, 7, 20, 10, 7, 4, 2, 1]);
  await page.keyboard.press('Control+Enter');
  const first = page.getByRole('status').filter({ hasText: 'Saved precinct OAK1' });
  await expect(first.locator('[data-status]')).toHaveAttribute('data-status', 'received');
  await expect(first.getByTestId('saved-comparison')).toContainText('Not verified yet');

  // Second entry, blind: Sam sees that a report exists, never its numbers.
  await signOut(page);
  await signIn(page, 'Sam Ortiz', '2222');
  await goTo(page, 'Enter worksheet');
  await page.keyboard.type('OAK1');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Key the worksheet blind: its numbers are not shown here.')).toBeVisible();
  const grid = page.getByRole('table', { name: 'Worksheet for precinct OAK1' });
  for (const input of await grid.locator('input').all()) await expect(input).toHaveValue('');
  await expect(page.getByTestId('eligible-attendees')).not.toHaveText('37');
  await expect(page.locator('main')).not.toContainText('Jordan Lee');
  await screenshot(page, 'blind-second-entry');
  // Sam misreads Adams' 20 as 21.
  await page.getByLabel('First alignment for Adams').focus();
  await typeDownTheColumns(page, [21, 10, 7, 21, 10, 7, 4, 2, 1]);
  await page.keyboard.press('Control+Enter');
  const second = page.getByRole('status').filter({ hasText: 'Saved precinct OAK1' });
  await expect(second.locator('[data-status]')).toHaveAttribute('data-status', 'conflict');
  await expect(second.getByTestId('saved-comparison')).toContainText('It differs from a report already received');

  // Sam cannot resolve: only the chair.
  await goTo(page, 'Discrepancies');
  await expect(page.getByText('Only the county chair resolves a discrepancy.')).toBeVisible();

  // The chair compares field by field and resolves with a reason.
  await signOut(page);
  await signIn(page, TEST_CHAIR.name, TEST_CHAIR.pin);
  await expect(page.getByTestId('operator-role')).toHaveText('County chair');
  await goTo(page, 'Discrepancies');
  await expect(page.getByRole('navigation', { name: 'Precincts in conflict' })).toContainText('OAK1');
  const sideBySide = page.getByRole('table', { name: 'Reports side by side' });
  await expect(sideBySide.locator('thead')).toContainText('Report #1');
  await expect(sideBySide.locator('thead')).toContainText('Jordan Lee');
  await expect(sideBySide.locator('thead')).toContainText('Sam Ortiz');
  await expect(sideBySide.locator('tr[data-differs="true"]')).toHaveCount(2);
  await expect(sideBySide.locator('td.differs')).toHaveText(['20', '21', '20', '21']);
  await page.getByLabel(/Report #1 is right/).check();
  await page.getByLabel('Reason').fill('The worksheet shows 20 for Adams; report #2 was mistyped.');
  await screenshot(page, 'discrepancy-queue');
  await page.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'resolved' })).toContainText(
    'Precinct OAK1 resolved with report #1; it is now verified.',
  );
  await expect(page.getByRole('heading', { name: 'No discrepancies' })).toBeVisible();

  // Certify with the chair's PIN typed again.
  await goTo(page, 'Precincts');
  await page.getByRole('table', { name: 'Precincts' }).locator('tr[data-precinct="OAK1"]').click();
  await expect(page.getByRole('heading', { name: 'Precinct OAK1 · Oakwood 1' })).toBeVisible();
  await expect(page.locator('.status-banner [data-status]')).toHaveAttribute('data-status', 'verified');
  await expect(page.getByTestId('resolution')).toContainText('Resolved by Pat Quinn');
  const certify = page.getByRole('form', { name: 'Certify precinct OAK1' });
  await certify.getByLabel('Chair’s PIN to certify').fill('9999');
  await certify.getByRole('button', { name: 'Certify precinct OAK1' }).click();
  await expect(certify.getByRole('alert')).toHaveText('That is not Pat Quinn’s PIN. Nothing was certified or changed.');
  await certify.getByLabel('Chair’s PIN to certify').fill(TEST_CHAIR.pin);
  await certify.getByRole('button', { name: 'Certify precinct OAK1' }).click();
  await expect(page.locator('.status-banner [data-status]')).toHaveAttribute('data-status', 'certified');
  await expect(page.getByTestId('certification')).toContainText('Certified by Pat Quinn');
  await expect(page.getByTestId('certification')).toContainText('report #1');
  await screenshot(page, 'precinct-certified');

  const log = await callApi<{ entries: { operator: string; action: string }[] }>(server, 'getAuditLog', {
    limit: 12,
    offset: 0,
  });
  const actions = log.entries.map((entry) => `${entry.operator}: ${entry.action}`);
  expect(actions).toContain('Pat Quinn: precinct.certified');
  expect(actions).toContain('Pat Quinn: discrepancy.resolved');
  expect(actions).toContain('Sam Ortiz: report.received');
});

test('a recount verifier’s hand count shows what changes against the certified result', async ({
  app: page,
  server,
}) => {
  await countyWithTeam(server, page);
  // ELM2 elects one delegate; certified with Adams ahead by one, through the API.
  const sessions: Record<string, string> = {};
  for (const [name, pin] of [
    ['Jordan Lee', '1111'],
    ['Sam Ortiz', '2222'],
    [TEST_CHAIR.name, TEST_CHAIR.pin],
  ] as const) {
    sessions[name] = (await callApi<{ session: string }>(server, 'signIn', { name, pin })).session;
  }
  const lines = (adams: number, baker: number) => [
    { candidate: 'Adams', firstAlignment: adams, finalAlignment: adams, delegatesAwarded: null },
    { candidate: 'Baker', firstAlignment: baker, finalAlignment: baker, delegatesAwarded: null },
    { candidate: 'Castillo', firstAlignment: 4, finalAlignment: 4, delegatesAwarded: null },
  ];
  for (const name of ['Jordan Lee', 'Sam Ortiz']) {
    await callApi(server, 'submitWorksheet', { session: sessions[name], precinct: 'ELM2', lines: lines(15, 14) });
  }
  await callApi(server, 'certifyPrecinct', {
    session: sessions[TEST_CHAIR.name],
    pin: TEST_CHAIR.pin,
    precinct: 'ELM2',
  });

  await signIn(page, 'Riley Park', '3333');
  await goTo(page, 'Recount');
  await expect(page.getByText('No certified result has been recounted or corrected.')).toBeVisible();
  await page.getByLabel('Certified precinct').selectOption('ELM2');
  const hand = page.getByRole('table', { name: 'Hand count' });
  const counts = { Adams: 14, Baker: 16, Castillo: 3 };
  for (const [candidate, count] of Object.entries(counts)) {
    await hand.getByLabel(`First alignment for ${candidate}`).fill(String(count));
    await hand.getByLabel(`Final alignment for ${candidate}`).fill(String(count));
  }
  await page.getByLabel('Why was it recounted?').fill('Recount requested by the Baker campaign; margin of one.');
  await page.getByRole('button', { name: 'Save hand count' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Hand count for precinct ELM2 saved' })).toBeVisible();

  const change = page.getByRole('region', { name: 'recount of precinct ELM2' });
  await expect(change).toContainText('Hand count by Riley Park');
  await expect(change).toContainText('Delegates move: held by Adams before, Baker after.');
  const table = page.getByRole('table', { name: 'Changes in precinct ELM2' });
  await expect(table.locator('tr[data-candidate="Baker"] td[data-field="delegates"]')).toContainText('0 → 1');
  await expect(table.locator('tr[data-candidate="Adams"] td[data-field="firstAlignment"]')).toContainText('15 → 14');
  const totals = page.getByRole('table', { name: 'County totals before and after' });
  await expect(totals.locator('tr[data-candidate="Baker"] td[data-field="sde"]')).toContainText('0.000 → 0.250');
  // Only the precinct is certified, not the county: the baseline is "before", not "certified".
  const chart = page.getByRole('img', { name: /State delegate equivalents, before and after recounts/ });
  await expect(chart.locator('.chart-legend')).toContainText('Before recounts');
  await expect(chart.locator('g.bar-row.changed')).toHaveCount(2);
  await screenshot(page, 'recount');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Recount report (PDF)' }).click();
  expect((await download).suggestedFilename()).toBe('recount-report-polk-county.pdf');
});
