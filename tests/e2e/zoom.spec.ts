/**
 * Zoom and reflow (WCAG 1.4.4 and 1.4.10; docs/ACCESSIBILITY.md): a 1280-wide window zoomed to 200%
 * is a 640 CSS-pixel-wide page drawn at two device pixels per CSS pixel, which is how Chromium lays
 * out a zoomed page. There the worksheet screen and the dashboard show every key column without the
 * page scrolling sideways, and pass axe.
 */
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, screenshot, test } from './fixtures';

test.use({ demo: true, viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
test.describe.configure({ timeout: 120_000 });

/** The page does not scroll sideways, and each header cell of `table` lies inside the window's width. */
async function expectColumnsInView(page: Page, table: Locator): Promise<void> {
  const page_ = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(page_.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(page_.clientWidth);
  const headers = await table.locator('thead th').evaluateAll((cells) =>
    cells.map((cell) => {
      const box = cell.getBoundingClientRect();
      return { text: (cell.textContent ?? '').trim(), left: box.left, right: box.right };
    }),
  );
  expect(headers.length).toBeGreaterThan(0);
  for (const header of headers) {
    expect(header.left, `"${header.text}" starts left of the window`).toBeGreaterThanOrEqual(0);
    expect(header.right, `"${header.text}" ends right of the window`).toBeLessThanOrEqual(page_.clientWidth + 0.5);
  }
}

test('at 200% zoom the worksheet grid shows every column without sideways scrolling', async ({ app: page }) => {
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('combobox', { name: 'Precinct' })).toBeFocused();
  await page.keyboard.type('P12');
  await page.keyboard.press('Enter');
  const grid = page.getByRole('table', { name: 'Worksheet for precinct P12' });
  await expect(grid).toBeVisible();
  await screenshot(page, 'zoom-200-worksheet');
  await expectColumnsInView(page, grid);
  await expectAccessible(page, 'the worksheet at 200% zoom');
});

test('at 200% zoom the dashboard shows its totals and precinct columns without sideways scrolling', async ({
  app: page,
}) => {
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await screenshot(page, 'zoom-200-dashboard');
  await expectColumnsInView(page, page.getByRole('table', { name: 'County totals by candidate' }));
  await expectColumnsInView(page, page.getByRole('table', { name: 'Precincts' }));
  await expectAccessible(page, 'the dashboard at 200% zoom');
});
