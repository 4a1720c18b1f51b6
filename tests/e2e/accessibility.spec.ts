/**
 * Accessibility (docs/ACCESSIBILITY.md): axe-core finds no serious or critical violation of WCAG 2.0/2.1
 * A and AA (and axe's best practices) on the sign-in dialog and on every screen of the demo county, as
 * its chair sees them at a laptop's 1280x720. The scan review, the audit walkthrough and the State
 * party results are checked in their own specs, where they are reached.
 */
import type { Page } from '@playwright/test';
import { describeViolations, seriousViolations } from './axe';
import { expect, signOut, test } from './fixtures';

test.use({ demo: true, viewport: { width: 1280, height: 720 } });

const NAVIGATION_SCREENS = [
  'Dashboard',
  'Enter worksheet',
  'Precincts',
  'Discrepancies',
  'Recount',
  'Audit log',
  'County setup',
  'Import files',
  'Review',
  'Team',
  'Settings',
  'Risk-limiting audit',
  'Export bundle',
  'State party',
] as const;

/** Checks one screen and goes on to the next when it fails, so one run lists every screen's violations. */
async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const violations = await seriousViolations(page);
  const count = violations.reduce((sum, violation) => sum + violation.nodes.length, 0);
  expect.soft(count, `axe: serious or critical violations on ${screen}:\n${describeViolations(violations)}`).toBe(0);
}

test('the sign-in dialog and every screen of the demo county pass axe', async ({ app: page }) => {
  // Fifteen axe runs on a busy two-core machine.
  test.setTimeout(300_000);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const screen of NAVIGATION_SCREENS) {
    await nav.getByRole('button', { name: screen }).click();
    await expect(nav.getByRole('button', { name: screen })).toHaveAttribute('aria-current', 'page');
    // Wait for the screen's data: no "Loading…" left.
    await expect(page.locator('main .loading')).toHaveCount(0, { timeout: 30_000 });
    await expectNoSeriousViolations(page, screen);
  }

  await signOut(page);
  await expect(page.getByRole('dialog', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the sign-in dialog');
});
