/**
 * Team mode (docs/TEAM.md) in real Chromium: a hub harness and two station harnesses, each its own
 * process on loopback, each station in its own browser context (its own laptop). The chair pairs
 * both stations with codes read off the hub's screen, two people key two precincts at the same
 * time, the hub shows who sent what and who has what open, and a revoked station is refused.
 */
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import {
  addTeamMembers,
  callApi,
  createTestCounty,
  expect,
  goTo,
  type HubServer,
  type StationServer,
  screenshot,
  signIn,
  TEST_CHAIR,
  teamTest as test,
} from './fixtures';

const PRECINCTS = [
  { code: 'OAK1', name: 'Oakwood 1', delegates: 7 },
  { code: 'ELM2', name: 'Elm 2', delegates: 4 },
  { code: 'PINE', name: 'Pine Ridge', delegates: 6 },
];
const ANN = { name: 'Ann Lee', pin: '1111' };
const BEN = { name: 'Ben Ortiz', pin: '2222' };

// Three harness processes and three browser contexts: slow to start on a busy machine.
test.describe.configure({ timeout: 420_000 });

test('two stations pair with the hub, key two precincts, show up on the hub; a revoked station is refused', async ({
  page: hubPage,
  hub,
  startStation,
  browser,
}) => {
  await createTestCounty(hub, PRECINCTS);
  await addTeamMembers(hub, [ANN, BEN]);

  // The chair at the hub: the Team screen, a pairing code with its QR.
  await hubPage.goto(hub.url);
  await signIn(hubPage, TEST_CHAIR.name, TEST_CHAIR.pin);
  await openTeam(hubPage);
  await expect(hubPage.getByRole('heading', { name: 'Team', exact: true })).toBeVisible();
  await expect(hubPage.getByText('No station is paired yet')).toBeVisible();

  // Both station processes start while the chair is reading codes: each is its own laptop.
  const [stationA, stationB] = await Promise.all([startStation(), startStation()]);

  const codeA = await makePairingCode(hubPage, hub);
  await screenshot(hubPage, 'team-pairing-code');
  const laptopA = await pairStation(browser, stationA, hub, codeA, 'Table 1 laptop');
  await signIn(laptopA, ANN.name, ANN.pin);

  // A code works once: the second laptop needs a new one.
  const codeB = await makePairingCode(hubPage, hub);
  expect(codeB).not.toBe(codeA);
  const laptopB = await pairStation(browser, stationB, hub, codeB, 'Table 2 laptop');
  await signIn(laptopB, BEN.name, BEN.pin);

  for (const laptop of [laptopA, laptopB]) {
    await expect(laptop.getByRole('region', { name: 'Connection to the hub' })).toContainText(
      'Connected to the county hub',
    );
  }

  // Ann opens OAK1: the hub's precinct list says so; Ben opening the same precinct is warned.
  await goTo(laptopA, 'Enter worksheet');
  await pickPrecinct(laptopA, 'OAK1');
  await goTo(hubPage, 'Dashboard');
  const hubPrecincts = hubPage.getByRole('table', { name: 'Precincts' });
  await expect(hubPrecincts.locator('tr[data-precinct="OAK1"] [data-testid="open-marker"]')).toHaveText(
    'open on Table 1 laptop by Ann Lee',
  );
  await goTo(laptopB, 'Enter worksheet');
  await pickPrecinct(laptopB, 'OAK1');
  await expect(laptopB.getByTestId('precinct-open-warning')).toContainText('Ann Lee on Table 1 laptop');
  await screenshot(laptopB, 'team-station-open-warning');
  // Ben takes another sheet instead.
  await laptopB.getByRole('button', { name: 'Change precinct' }).click();
  await pickPrecinct(laptopB, 'ELM2');
  await expect(laptopB.getByTestId('precinct-open-warning')).toHaveCount(0);

  // Both key at once.
  await keyWorksheet(laptopA, ['20', '10', '7', '20', '10', '7', '4', '2', '1']);
  await keyWorksheet(laptopB, ['30', '20', '10', '30', '20', '10', '2', '1', '1']);
  await Promise.all([saveWorksheet(laptopA, 'OAK1'), saveWorksheet(laptopB, 'ELM2')]);
  await screenshot(laptopA, 'team-station-saved');

  // The hub has both reports, with each station's name and person.
  await expect(hubPrecincts.locator('tr[data-precinct="OAK1"]')).toContainText('Received');
  await expect(hubPrecincts.locator('tr[data-precinct="ELM2"]')).toContainText('Received');
  await openTeam(hubPage);
  const stations = hubPage.getByRole('table', { name: 'Stations' });
  const rowA = stations.locator('tr[data-station="Table 1 laptop"]');
  const rowB = stations.locator('tr[data-station="Table 2 laptop"]');
  await expect(rowA.getByTestId('station-received')).toHaveText('1');
  await expect(rowB.getByTestId('station-received')).toHaveText('1');
  await expect(rowA.getByTestId('station-operator')).toHaveText(ANN.name);
  await expect(rowB.getByTestId('station-operator')).toHaveText(BEN.name);
  await expect(rowA.getByTestId('station-state')).toHaveText('Online');
  const chart = hubPage.getByRole('img', { name: 'Entries received per station' });
  await expect(chart.locator('.bar-label')).toHaveText(['Table 1 laptop', 'Table 2 laptop']);
  await screenshot(hubPage, 'team-hub-stations');

  // The chair revokes Table 2, after confirming with a reason.
  await rowB.getByRole('button', { name: 'Revoke Table 2 laptop' }).click();
  const dialog = hubPage.getByRole('dialog', { name: 'Revoke Table 2 laptop?' });
  await dialog.getByRole('button', { name: 'Revoke station' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Say why');
  await expect(dialog.getByLabel('Reason for revoking')).toBeFocused();
  await expectAccessible(hubPage, 'the revoke station dialog');
  await dialog.getByLabel('Reason for revoking').fill('Laptop left the building');
  await dialog.getByRole('button', { name: 'Revoke station' }).click();
  await expect(dialog).toBeHidden();
  await expect(rowB.getByTestId('station-state')).toHaveText('Revoked');
  await expect(rowA.getByTestId('station-state')).toHaveText('Online');

  // Table 2 is refused from now on, and says so; Table 1 keeps working.
  await expect(laptopB.getByRole('region', { name: 'Connection to the hub' })).toContainText(
    'The chair revoked this station',
  );
  // The hub answers it nothing any more: the screen says why instead of the county.
  await expect(laptopB.getByRole('alert').filter({ hasText: 'The county could not be loaded.' })).toContainText(
    'revoked this station',
  );
  await screenshot(laptopB, 'team-station-revoked');
  await pickPrecinct(laptopA, 'PINE');
  // A clean sheet (Castillo's 5 are below the threshold of 7): it saves on Ctrl+Enter alone.
  await keyWorksheet(laptopA, ['25', '15', '5', '25', '15', '5', '4', '2', '0']);
  await saveWorksheet(laptopA, 'PINE');
  await expect(rowA.getByTestId('station-received')).toHaveText('2');
  await expect(rowB.getByTestId('station-received')).toHaveText('1');
});

async function openTeam(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Team' });
  await nav.click();
  await expect(nav).toHaveAttribute('aria-current', 'page');
}

/** The chair makes a code; the test reads it off the screen as the person at the station would. */
async function makePairingCode(page: Page, hub: HubServer): Promise<string> {
  const before = (await page.getByTestId('pairing-code').count())
    ? ((await page.getByTestId('pairing-code').textContent()) ?? '')
    : '';
  await page.getByRole('button', { name: /Make (a pairing code|another code)/ }).click();
  const code = page.getByTestId('pairing-code');
  await expect(code).toHaveText(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  if (before) await expect(code).not.toHaveText(before);
  await expect(page.getByRole('img', { name: /QR code of pairing code/ })).toBeVisible();
  await expect(page.getByTestId('hub-fingerprint')).toHaveText(hub.fingerprint);
  return (await code.textContent()) ?? '';
}

/** A new laptop: its own browser context on its own station harness; pairs and shows the pinned fingerprint. */
async function pairStation(
  browser: Browser,
  station: StationServer,
  hub: HubServer,
  code: string,
  name: string,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(station.url);
  await expect(page.getByRole('heading', { name: 'Connect to the county hub' })).toBeVisible();
  // The harness was started with --station-of: the address is offered, the code is typed.
  await expect(page.getByLabel('Hub address')).toHaveValue(hub.hubUrl);
  await expect(page.getByLabel('Pairing code')).toBeFocused();
  await page.getByLabel('Pairing code').fill('AAAAA-AAAAA');
  await page.getByLabel('Name of this laptop').fill(name);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Pairing code').fill(code.toLowerCase());
  if (name === 'Table 1 laptop') await screenshot(page, 'team-connect-to-hub');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Connected to the county hub' })).toBeVisible();
  await expect(page.getByTestId('pinned-fingerprint')).toHaveText(hub.fingerprint);
  await page.getByRole('button', { name: 'Continue to sign in' }).click();
  await expect(page.getByRole('dialog', { name: 'Sign in' })).toBeVisible();
  expect(errors, 'browser errors on the station').toEqual([]);
  return page;
}

async function pickPrecinct(page: Page, code: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: 'Precinct' });
  await picker.fill(code);
  await expect(page.getByRole('option', { name: new RegExp(code) })).toBeVisible();
  await picker.press('Enter');
  await expect(page.getByLabel('First alignment for Adams')).toBeFocused();
}

/** Down each column as the worksheet is read: first, final, delegates for Adams, Baker, Castillo. */
async function keyWorksheet(page: Page, values: readonly string[]): Promise<void> {
  await page.getByLabel('First alignment for Adams').focus();
  for (const value of values) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
}

async function saveWorksheet(page: Page, code: string): Promise<void> {
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: `Saved precinct ${code}` })).toBeVisible();
}

test('a station keeps entering while the hub is down; the entry arrives once when the hub is back', async ({
  page: hubPage,
  hub,
  startStation,
  browser,
}) => {
  await createTestCounty(hub, PRECINCTS);
  await addTeamMembers(hub, [ANN]);
  await hubPage.goto(hub.url);
  await signIn(hubPage, TEST_CHAIR.name, TEST_CHAIR.pin);
  await openTeam(hubPage);
  const station = await startStation();
  const code = await makePairingCode(hubPage, hub);
  const laptop = await pairStation(browser, station, hub, code, 'Table 1 laptop');
  await signIn(laptop, ANN.name, ANN.pin);
  await goTo(laptop, 'Enter worksheet');
  const banner = laptop.getByRole('region', { name: 'Connection to the hub' });
  await expect(banner).toContainText('Connected to the county hub');

  // The hub laptop crashes. The station says so, and keeps taking worksheets.
  await hub.crash();
  await expect(banner).toContainText('Hub unreachable');
  await expect(banner).toContainText(/kept on this laptop and (will be )?sent when the hub is back/);
  await pickPrecinct(laptop, 'OAK1');
  await keyWorksheet(laptop, ['20', '10', '7', '20', '10', '7', '4', '2', '1']);
  await laptop.keyboard.press('Control+Enter');
  await expect(laptop.getByTestId('saved-queued')).toContainText('Saved precinct OAK1 · Oakwood 1 on this laptop');
  await expect(banner).toContainText('1 entry waiting');

  // No network for a while: the entries go on a USB stick as a signed batch file.
  const download = laptop.waitForEvent('download');
  await banner.getByRole('button', { name: 'Export entries to USB' }).click();
  const batchName = (await download).suggestedFilename();
  expect(batchName).toMatch(/\.tallyroom-batch$/);
  const stick = join(hub.dir, 'stick');
  await (await download).saveAs(join(stick, batchName));
  await expect(banner).toContainText('1 entry in');
  await screenshot(laptop, 'team-station-hub-unreachable');

  // The hub is back on the same address: the queued entry is delivered, once.
  const hubUrlAgain = await hub.restart();
  await expect(banner).toContainText('Connected to the county hub', { timeout: 30_000 });
  await expect(banner).toContainText('Every entry has reached the hub');
  await banner.getByRole('button', { name: 'Station details' }).click();
  await expect(laptop.getByTestId('pinned-fingerprint')).toHaveText(hub.fingerprint);
  await expect(laptop.getByTestId('station-waiting')).toHaveText('0');
  await screenshot(laptop, 'team-station-details');
  const restarted = { ...hub, url: hubUrlAgain };
  const detail = await callApi<{ reports: unknown[]; status: string }>(restarted, 'getPrecinct', { precinct: 'OAK1' });
  expect(detail.reports).toHaveLength(1);
  expect(detail.status).toBe('received');

  await hubPage.goto(hubUrlAgain);
  await signIn(hubPage, TEST_CHAIR.name, TEST_CHAIR.pin);
  await openTeam(hubPage);
  const row = hubPage.getByRole('table', { name: 'Stations' }).locator('tr[data-station="Table 1 laptop"]');
  await expect(row.getByTestId('station-received')).toHaveText('1');
  await expect(row.getByTestId('station-queued')).toHaveText('0');

  // The USB stick reaches the chair too: importing it adds nothing the network already delivered.
  const importNav = hubPage.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import files' });
  await importNav.click();
  await hubPage.getByLabel('Files to import', { exact: true }).setInputFiles(join(stick, batchName));
  const result = hubPage
    .getByRole('table', { name: 'Import results' })
    .getByRole('row', { name: new RegExp(batchName) });
  await expect(result).toContainText('Already imported');
  await screenshot(hubPage, 'team-hub-batch-import');
  const after = await callApi<{ reports: unknown[] }>(restarted, 'getPrecinct', { precinct: 'OAK1' });
  expect(after.reports).toHaveLength(1);
});
