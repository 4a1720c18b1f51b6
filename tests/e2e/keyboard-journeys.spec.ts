/**
 * Keyboard and screen-reader journeys (docs/ACCESSIBILITY.md): a volunteer keys, checks and saves a
 * worksheet, and a chair resolves a discrepancy and certifies, with the keyboard alone (no click, no
 * fill: only keys pressed and typed); what happens out of the person's focus is said through the
 * live regions; focus never lands behind a modal dialog and goes back where it was when it closes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { callApi, createTestCounty, expect, type Server, TEST_CHAIR, test } from './fixtures';

// A keystroke at a time, with checks between: long on a busy two-core machine.
test.describe.configure({ timeout: 180_000 });

const TEAM = [
  { name: 'Jordan Lee', role: 'entry', pin: '1111' },
  { name: 'Sam Ortiz', role: 'entry', pin: '2222' },
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

/** The polite live region's words (Announcer): what a screen reader says without the person moving. */
const spoken = (page: Page) => page.getByTestId('announce-polite');

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement).catch(() => false);
}

/** Presses Tab until `target` has focus, as a keyboard user moves through the page (at most `max` presses). */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let press = 0; press < max; press += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Signs in by typing into the sign-in dialog, which has focus when it opens. */
async function signInByKeyboard(page: Page, name: string, pin: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('PIN')).toBeFocused();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('operator-name')).toHaveText(name);
}

/** How many controls outside `dialog` could still take focus (not inside an inert part of the page). */
async function reachableBehind(dialog: Locator): Promise<number> {
  return dialog.evaluate(
    (element) =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
        (control) =>
          !element.contains(control) &&
          !control.closest('[inert]') &&
          control.tabIndex >= 0 &&
          !(control as HTMLButtonElement).disabled &&
          control.getClientRects().length > 0,
      ).length,
  );
}

/** Whatever has focus is inside `container`. */
async function focusIsInside(container: Locator): Promise<boolean> {
  return container.evaluate((element) => element.contains(document.activeElement));
}

test('a volunteer keys a worksheet with findings, checks them in the dialog and saves it, by keyboard alone', async ({
  app: page,
  server,
}) => {
  await countyWithTeam(server, page);
  await signInByKeyboard(page, 'Jordan Lee', '1111');

  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('combobox', { name: 'Precinct' })).toBeFocused();
  await page.keyboard.type('OAK1');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('First alignment for Adams')).toBeFocused();
  // The paper awards 5 + 2 + 1 = 8 delegates where the precinct elects 7: the checker has findings.
  for (const value of [20, 10, 7, 20, 10, 7, 5, 2, 1]) {
    await page.keyboard.type(String(value));
    await page.keyboard.press('Enter');
  }
  await expect(spoken(page)).toHaveText(/^\d+ findings? on this worksheet\. /);
  const announced = Number(/^(\d+)/.exec((await spoken(page).textContent()) ?? '')?.[1]);
  expect(announced).toBeGreaterThan(0);
  await expectAccessible(page, 'the worksheet with findings');

  // Ctrl+Enter opens the check: focus inside it, the screen behind it inert, Tab kept inside.
  await page.evaluate(() => document.activeElement?.setAttribute('data-focus-before-dialog', ''));
  await page.keyboard.press('Control+Enter');
  const check = page.getByRole('dialog', { name: 'Check the paper' });
  await expect(check).toBeVisible();
  await expect(check.getByRole('listitem')).toHaveCount(announced);
  expect(await focusIsInside(check)).toBe(true);
  expect(await reachableBehind(check)).toBe(0);
  await expectAccessible(page, 'the Check the paper dialog');
  for (let press = 0; press < 8; press += 1) {
    await page.keyboard.press(press % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(await focusIsInside(check), `focus after ${press + 1} presses`).toBe(true);
  }

  // Escape goes back to the worksheet, focus where it was.
  await page.keyboard.press('Escape');
  await expect(check).toBeHidden();
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-focus-before-dialog'))).toBe(true);
  expect(await page.locator('[inert]').count()).toBe(0);

  // Again, and this time save as the paper says.
  await page.keyboard.press('Control+Enter');
  await expect(check).toBeVisible();
  await tabTo(page, check.getByRole('button', { name: 'Save as the paper says' }), 10);
  await page.keyboard.press('Enter');
  await expect(check).toBeHidden();
  await expect(spoken(page)).toContainText('Saved precinct OAK1. Status now Received.');
  await expect(spoken(page)).toContainText(`${announced === 1 ? '1 finding' : `${announced} findings`} for the chair`);
  await expect(page.getByRole('status').filter({ hasText: 'Saved precinct OAK1' })).toBeVisible();
});

test('the chair resolves a discrepancy and certifies the precinct, by keyboard alone', async ({
  app: page,
  server,
}) => {
  await countyWithTeam(server, page);
  // Two entries of OAK1 disagree on Adams (setup: the journey is the chair's).
  const lines = (adams: number) => [
    { candidate: 'Adams', firstAlignment: adams, finalAlignment: adams, delegatesAwarded: null },
    { candidate: 'Baker', firstAlignment: 10, finalAlignment: 10, delegatesAwarded: null },
    { candidate: 'Castillo', firstAlignment: 7, finalAlignment: 7, delegatesAwarded: null },
  ];
  for (const [member, adams] of [
    [TEAM[0], 20],
    [TEAM[1], 21],
  ] as const) {
    const { session } = await callApi<{ session: string }>(server, 'signIn', { name: member.name, pin: member.pin });
    await callApi(server, 'submitWorksheet', { session, precinct: 'OAK1', lines: lines(adams), coinTosses: [] });
  }

  await signInByKeyboard(page, TEST_CHAIR.name, TEST_CHAIR.pin);
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('table', { name: 'Reports side by side' })).toBeVisible();
  await expectAccessible(page, 'the discrepancy queue');
  const firstReport = page.getByLabel(/Report #1 is right/);
  await tabTo(page, firstReport);
  await page.keyboard.press('Space');
  await expect(firstReport).toBeChecked();
  await tabTo(page, page.getByLabel('Reason'));
  await page.keyboard.type('The worksheet shows 20 for Adams; report #2 was mistyped.');
  await tabTo(page, page.getByRole('button', { name: 'Resolve' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'resolved' })).toContainText(
    'Precinct OAK1 resolved with report #1',
  );

  await page.keyboard.press('Alt+3');
  const open = page.getByRole('button', { name: 'Open precinct OAK1 Oakwood 1' });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Precinct OAK1 · Oakwood 1' })).toBeVisible();
  await expect(page.locator('.status-banner [data-status]')).toHaveAttribute('data-status', 'verified');
  await expectAccessible(page, 'a verified precinct');
  const certify = page.getByRole('form', { name: 'Certify precinct OAK1' });
  await tabTo(page, certify.getByLabel('Chair’s PIN to certify'));
  await page.keyboard.type(TEST_CHAIR.pin);
  await page.keyboard.press('Enter');
  await expect(page.locator('.status-banner [data-status]')).toHaveAttribute('data-status', 'certified');
  await expect(page.getByTestId('certification')).toContainText('Certified by Pat Quinn');
  await expectAccessible(page, 'a certified precinct');
});

test('an import’s outcome is said through the live region, a refused file included', async ({ app: page, server }) => {
  await countyWithTeam(server, page);
  await signInByKeyboard(page, TEST_CHAIR.name, TEST_CHAIR.pin);
  const header =
    'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde';
  const good = join(server.dir, 'OAK1.csv');
  writeFileSync(
    good,
    [header, 'Polk County,OAK1,7,0.25,Adams,20,20,,', 'Polk County,OAK1,7,0.25,Baker,10,10,,'].join('\n'),
  );
  const typo = join(server.dir, 'ELM2-typo.csv');
  writeFileSync(typo, [header, 'Polk County,ELM2,1,0.25,Adams,forty,40,,'].join('\n'));

  await page.keyboard.press('Alt+8');
  await page.getByLabel('Files to import', { exact: true }).setInputFiles([good, typo]);
  await expect(spoken(page)).toContainText('1 file refused');
  await expect(spoken(page)).toContainText('1 report imported');
  await expectAccessible(page, 'the import results');
});
