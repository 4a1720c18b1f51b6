/**
 * Printable worksheets end to end in Chromium: a county chair prints the precinct worksheets from the app,
 * one precinct's from its detail and every precinct's from the list, as PDF downloads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { expect, goTo, test } from './fixtures';

test.use({ demo: true });

test('the chair downloads a precinct worksheet and all worksheets as PDFs', async ({ app: page, server }) => {
  await goTo(page, 'Precincts');
  await page.getByRole('button', { name: 'Open precinct P03 Ames 3' }).click();
  await expect(page.getByRole('heading', { name: 'Precinct P03 · Ames 3' })).toBeVisible();

  const oneDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Print worksheet', exact: true }).click();
  const one = await oneDownload;
  expect(one.suggestedFilename()).toBe('worksheet-P03.pdf');
  const onePath = join(server.dir, one.suggestedFilename());
  await one.saveAs(onePath);
  const sheet = await PDFDocument.load(readFileSync(onePath));
  expect(sheet.getPageCount()).toBe(1);
  expect(sheet.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
  expect(sheet.getTitle()).toBe('Worksheet, precinct P03');

  await page.getByRole('button', { name: '← All precincts' }).click();
  await expect(page.getByRole('heading', { name: 'Precincts' })).toBeVisible();
  const allDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Print all worksheets' }).click();
  const all = await allDownload;
  expect(all.suggestedFilename()).toBe('worksheets-Tally-County.pdf');
  const allPath = join(server.dir, all.suggestedFilename());
  await all.saveAs(allPath);
  const sheets = await PDFDocument.load(readFileSync(allPath));
  // The demo county has 24 precincts: one page each.
  expect(sheets.getPageCount()).toBe(24);
});
