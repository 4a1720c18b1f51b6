import { expectAccessible } from './axe';
import { callApi, expect, goTo, screenshot, test } from './fixtures';

test('a county typed in by hand appears on the dashboard and survives a reload', async ({ app: page, server }) => {
  await expect(page.getByRole('heading', { name: 'No county is set up yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Set up the county' }).click();
  await expect(page.getByRole('heading', { name: 'Set up the county' })).toBeVisible();

  // Nothing filled in: the form says what is missing and saves nothing.
  await page.getByRole('button', { name: 'Create county' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the county name.');

  await page.getByLabel('County name').fill('Story County');
  await page.getByLabel('Election name').fill('2028 Democratic Precinct Caucuses');
  await page.getByLabel('Date', { exact: true }).fill('2028-02-07');
  await page.getByLabel('Rules profile').selectOption('iowa-dem-2020');
  await page.getByLabel('SDE per county delegate').fill('0.2');

  const precincts = [
    ['AM1', 'Ames 1', '7'],
    ['AM2', 'Ames 2', '5'],
    ['NV1', 'Nevada 1', '3'],
  ];
  for (const [index, [code, name, delegates]] of precincts.entries()) {
    if (index > 0) {
      await page.getByRole('button', { name: '+ Add precinct' }).click();
      await expect(page.getByLabel(`Precinct ${index + 1} code`)).toBeFocused();
    }
    await page.getByLabel(`Precinct ${index + 1} code`).fill(code as string);
    await page.getByLabel(`Precinct ${index + 1} name`).fill(name as string);
    await page.getByLabel(`Precinct ${index + 1} delegates`).fill(delegates as string);
  }
  await page.getByLabel('Precinct 1 chair email').fill('chair.ames1@example.org');

  for (const [index, name] of ['Castillo', 'Adams', 'Baker'].entries()) {
    if (index > 0) await page.getByRole('button', { name: '+ Add candidate' }).click();
    await page.getByLabel(`Candidate ${index + 1} name`).fill(name);
  }
  // Ballot order is editable: move Castillo from first to last.
  await page.getByRole('button', { name: 'Move candidate 1 down' }).click();
  await page.getByRole('button', { name: 'Move candidate 2 down' }).click();
  await expect(page.getByLabel('Candidate 3 name')).toHaveValue('Castillo');
  // Whoever sets up the county is its chair, with a PIN of their own.
  await page.getByLabel('Chair’s name').fill('Pat Quinn');
  await page.getByLabel('Chair’s PIN').fill('123456');
  await screenshot(page, 'county-setup');

  await page.getByRole('button', { name: 'Create county' }).click();
  // A summary to check first: nothing is created until it is confirmed.
  const confirm = page.getByRole('dialog', { name: 'Create Story County?' });
  await expect(confirm.getByTestId('create-county-summary')).toContainText('3 precincts electing 15 county delegates');
  await expectAccessible(page, 'the create county dialog');
  await expect(confirm.getByRole('list', { name: 'Candidates in ballot order' }).getByRole('listitem')).toHaveText([
    'Adams',
    'Baker',
    'Castillo',
  ]);
  await confirm.getByRole('button', { name: 'Yes, create the county' }).click();
  await expect(page.getByTestId('operator-name')).toHaveText('Pat Quinn');
  await expect(page.getByTestId('operator-role')).toHaveText('County chair');

  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header).toContainText('Story County');
  await expect(header).toContainText('2028 Democratic Precinct Caucuses');
  await expect(header).toContainText('iowa-dem-2020');
  await expect(page.getByRole('button', { name: 'Missing: 3 precincts' })).toBeVisible();
  await expect(page.getByText('0 of 3 precincts reporting')).toBeVisible();
  const totals = page.getByRole('table', { name: 'County totals by candidate' });
  await expect(totals.locator('tbody th')).toHaveText(['Adams', 'Baker', 'Castillo']);
  await expect(page.getByRole('table', { name: 'Precincts' }).locator('tbody tr')).toHaveCount(3);

  // Stored for real: the API has it, and a reload (token and session kept for the tab) shows it again.
  const election = await callApi<{ county: string; precinctCount: number; totalDelegates: number }>(
    server,
    'getElection',
    {},
  );
  expect(election).toMatchObject({ county: 'Story County', precinctCount: 3, totalDelegates: 15 });
  await page.reload();
  await expect(page.getByRole('banner')).toContainText('Story County');
  await expect(page.getByTestId('operator-name')).toHaveText('Pat Quinn');

  // The setup screen now shows the county instead of a second form.
  await goTo(page, 'County setup');
  await expect(page.getByRole('table', { name: 'Precincts of the county' }).locator('tbody tr')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Create county' })).toHaveCount(0);
});

const HEADER = 'county,precinct,precinct_delegates,sde_per_delegate,candidate,chair_email';

function definition(rows: string[][]): Buffer {
  return Buffer.from(`${[HEADER, ...rows.map((row) => row.join(','))].join('\n')}\n`, 'utf8');
}

test('a county definition file with a bad row is refused with row and column, then a good file is imported', async ({
  app: page,
  server,
}) => {
  await goTo(page, 'County setup');
  await page.getByRole('tab', { name: 'Import a file' }).click();

  const bad = definition([
    ['Story County', 'AM1', '7', '0.2', 'Adams', 'chair1@example.org'],
    ['Story County', 'AM1', '7', '0.2', 'Baker', ''],
    ['Story County', 'AM2', 'seven', '0.2', 'Adams', ''],
    ['Story County', 'AM2', '5', '0.2', 'Baker', ''],
  ]);
  await page
    .getByLabel('County definition file')
    .setInputFiles({ name: 'story-bad.csv', mimeType: 'text/csv', buffer: bad });

  const problems = page.getByRole('table', { name: 'Problems in the file' });
  await expect(problems).toBeVisible();
  const row4 = problems.locator('tbody tr', { hasText: 'Row 4, column precinct_delegates' });
  await expect(row4).toHaveCount(1);
  await expect(row4).toContainText('"seven" is not a whole number of delegates');
  await expect(page.getByText('Nothing was saved.')).toBeVisible();
  await screenshot(page, 'county-import-problems');

  // Nothing saved: no county in the database, none in the header.
  expect(await callApi(server, 'getElection', {})).toBeNull();
  await expect(page.getByRole('banner')).toContainText('No county set up');

  const good = definition([
    ['Story County', 'AM1', '7', '0.2', 'Adams', 'chair1@example.org'],
    ['Story County', 'AM1', '7', '0.2', 'Baker', ''],
    ['Story County', 'AM2', '5', '0.2', 'Adams', ''],
    ['Story County', 'AM2', '5', '0.2', 'Baker', ''],
  ]);
  await page
    .getByLabel('County definition file')
    .setInputFiles({ name: 'story-good.csv', mimeType: 'text/csv', buffer: good });

  // The parsed setup is shown for review in the editable form, not saved yet.
  await expect(page.getByText('Read from story-good.csv:')).toBeVisible();
  await expect(page.getByLabel('County name')).toHaveValue('Story County');
  await expect(page.getByLabel('SDE per county delegate')).toHaveValue('0.2');
  await expect(page.getByLabel('Precinct 2 code')).toHaveValue('AM2');
  await expect(page.getByLabel('Precinct 2 delegates')).toHaveValue('5');
  await expect(page.getByLabel('Precinct 1 chair email')).toHaveValue('chair1@example.org');
  await expect(page.getByLabel('Candidate 2 name')).toHaveValue('Baker');
  expect(await callApi(server, 'getElection', {})).toBeNull();

  await page.getByLabel('Election name').fill('Story County Caucus 2028');
  await page.getByRole('button', { name: 'Create county' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the county chair’s name.');
  await page.getByLabel('Chair’s name').fill('Robin Vale');
  await page.getByLabel('Chair’s PIN').fill('12');
  await page.getByRole('button', { name: 'Create county' }).click();
  await expect(page.getByRole('alert')).toContainText('A chair’s PIN is 6 to 12 digits.');
  await page.getByLabel('Chair’s PIN').fill('975310');
  await page.getByRole('button', { name: 'Create county' }).click();
  await page.getByRole('button', { name: 'Yes, create the county' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Story County Caucus 2028');
  await expect(page.getByRole('button', { name: 'Missing: 2 precincts' })).toBeVisible();
  expect(await callApi(server, 'getElection', {})).toMatchObject({ precinctCount: 2, totalDelegates: 12 });
});
