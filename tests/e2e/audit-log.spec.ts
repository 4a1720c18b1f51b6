import Database from 'better-sqlite3';
import { callApi, expect, goTo, screenshot, test } from './fixtures';

test.use({ demo: true });

test('the audit log lists every change with its operator, pages, and verifies its hash chain', async ({
  app: page,
  server,
}) => {
  const { session } = await callApi<{ session: string }>(server, 'signIn', { name: 'Sam Ortiz', pin: '2222' });
  await callApi(server, 'submitWorksheet', {
    precinct: 'P12',
    session,
    source: 'phone',
    lines: [
      { candidate: 'Adams', firstAlignment: 12, finalAlignment: 14, delegatesAwarded: null },
      { candidate: 'Baker', firstAlignment: 9, finalAlignment: 10, delegatesAwarded: null },
      { candidate: 'Castillo', firstAlignment: 3, finalAlignment: 0, delegatesAwarded: null },
      { candidate: 'Dunn', firstAlignment: 0, finalAlignment: 0, delegatesAwarded: null },
      { candidate: 'Everett', firstAlignment: 0, finalAlignment: 0, delegatesAwarded: null },
      { candidate: 'Uncommitted', firstAlignment: 0, finalAlignment: 0, delegatesAwarded: null },
    ],
    coinTosses: [],
  });
  const { total } = await callApi<{ total: number }>(server, 'getAuditLog', { limit: 1, offset: 0 });
  expect(total).toBeGreaterThan(25);

  await goTo(page, 'Audit log');
  const table = page.getByRole('table', { name: 'Audit log entries' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(25);
  // Newest first: the report just phoned in, under its operator.
  const newest = rows.first();
  await expect(newest.locator('td').first()).toHaveText(String(total));
  await expect(newest).toContainText('Sam Ortiz');
  await expect(newest).toContainText('report.received');
  await expect(newest).toContainText('precinct P12');
  await expect(newest.locator('code.hash')).toHaveText(/^[0-9a-f]{12}$/);
  await expect(page.getByText(`Entries 1–25 of ${total}`)).toBeVisible();

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(`Entries 26–${Math.min(50, total)} of ${total}`)).toBeVisible();
  await page.getByRole('button', { name: 'Last' }).click();
  await expect(rows.last().locator('td').first()).toHaveText('1');
  await expect(rows.last()).toContainText('database.migrated');
  // The oldest entries: the migrations, then the county set up (on the last page or the one before it).
  // One 'database.migrated' per migration comes first, so look past as many as there are.
  const oldest = await callApi<{ entries: { action: string }[] }>(server, 'getAuditLog', {
    limit: 40,
    offset: Math.max(0, total - 40),
  });
  expect(oldest.entries.map((entry) => entry.action)).toContain('county.created');
  await page.getByRole('button', { name: 'First' }).click();

  await page.getByRole('button', { name: 'Verify chain' }).click();
  const valid = page.locator('.verify-banner');
  await expect(valid).toHaveAttribute('data-valid', 'true');
  await expect(valid).toContainText(`Chain intact. All ${total} entries link up`);
  await screenshot(page, 'audit-log');

  // Someone edits history behind the app's back (dropping the append-only guard first): the check catches it.
  const db = new Database(server.dbPath);
  try {
    db.exec('DROP TRIGGER audit_log_is_append_only_update');
    db.prepare("UPDATE audit_log SET operator = 'Mallory' WHERE seq = 3").run();
  } finally {
    db.close();
  }
  await page.getByRole('button', { name: 'Verify chain' }).click();
  const broken = page.locator('.verify-banner');
  await expect(broken).toHaveAttribute('data-valid', 'false');
  await expect(broken).toContainText('Chain broken at entry 3.');
  await expect(broken).toContainText('Entry 3 was changed after it was written');
  await screenshot(page, 'audit-log-broken');
});
