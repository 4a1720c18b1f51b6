/**
 * On an ordinary laptop screen (1280x720 and 1366x768) every table of every screen shows all its
 * columns: each column heading lies inside the window and nothing covers it. A column cut off by
 * a panel or a scroll box is how a volunteer misses the number that shows a sheet is wrong.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ demo: true });

/** Every column heading of the screen shown that is not inside the window or is covered (empty: none). */
async function hiddenColumnHeadings(page: Page, screen: string): Promise<string[]> {
  // Tables fill in from the API: wait until the screen is quiet.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  return page.evaluate((screenName) => {
    const problems: string[] = [];
    const headings = [...document.querySelectorAll<HTMLElement>('main th')].filter(
      (th) => th.getClientRects().length > 0,
    );
    for (const th of headings) {
      const table = th.closest('table');
      const name = `${screenName} › ${table?.getAttribute('aria-label') ?? 'table'} › “${th.textContent?.trim() || '(blank)'}”`;
      // Scrolled into view vertically only: a scroll box that must scroll sideways to show it counts as hiding it.
      const scrollers: { element: Element; left: number }[] = [];
      for (let element = th.parentElement; element; element = element.parentElement) {
        scrollers.push({ element, left: element.scrollLeft });
      }
      th.scrollIntoView({ block: 'center', inline: 'nearest' });
      const scrolledSideways = scrollers.some(({ element, left }) => element.scrollLeft !== left);
      for (const { element, left } of scrollers) element.scrollLeft = left;
      window.scrollTo({ left: 0, top: window.scrollY });
      const box = th.getBoundingClientRect();
      const width = document.documentElement.clientWidth;
      if (scrolledSideways) problems.push(`${name}: inside a box that must be scrolled sideways to show it`);
      else if (box.left < 0 || box.right > width + 0.5) {
        problems.push(`${name}: outside the window (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
      } else {
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        if (!hit || !(hit === th || th.contains(hit))) {
          const by = hit
            ? `${hit.tagName.toLowerCase()}${hit.className ? `.${String(hit.className).split(' ')[0]}` : ''}`
            : 'nothing';
          problems.push(`${name}: covered by ${by}`);
        }
      }
    }
    return problems;
  }, screen);
}

async function openScreen(page: Page, label: string): Promise<void> {
  const button = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: false });
  await button.first().click();
  await expect(button.first()).toHaveAttribute('aria-current', 'page');
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
]) {
  test.describe(`${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test(`every column of every table is in view and uncovered at ${viewport.width}x${viewport.height}`, async ({
      app: page,
    }) => {
      test.setTimeout(180_000);
      const problems: string[] = [];
      const labels = await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button')
        .locator('.nav-label')
        .allInnerTexts();
      expect(labels.length).toBeGreaterThan(10);
      for (const label of labels) {
        await openScreen(page, label);
        problems.push(...(await hiddenColumnHeadings(page, label)));
      }

      // The keyed worksheet with its grid open, a sheet typed in so the rules' columns fill.
      await openScreen(page, 'Enter worksheet');
      await page.getByRole('combobox', { name: 'Precinct' }).fill('P01');
      await page.getByRole('option', { name: /P01/ }).first().click();
      const grid = page.getByRole('table', { name: /Worksheet for precinct/ });
      await expect(grid).toBeVisible();
      const people = ['40', '30', '20', '12', '9', '6'];
      for (const [index, row] of (await grid.locator('tbody tr[data-candidate]:not(.message-row)').all()).entries()) {
        await row
          .getByRole('textbox')
          .nth(0)
          .fill(people[index] ?? '5');
        await row
          .getByRole('textbox')
          .nth(1)
          .fill(people[index] ?? '5');
      }
      await expect(grid.locator('[data-column="rules-delegates"]').first()).not.toHaveText('—');
      problems.push(...(await hiddenColumnHeadings(page, 'Enter worksheet (a precinct open)')));

      // A precinct's own page: its reports side by side.
      await openScreen(page, 'Precincts');
      await page.getByRole('table', { name: 'Precincts' }).locator('tbody tr[data-precinct="P02"]').click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('P02');
      problems.push(...(await hiddenColumnHeadings(page, 'Precinct P02')));

      expect(problems, 'column headings hidden, clipped or covered').toEqual([]);
    });
  });
}
