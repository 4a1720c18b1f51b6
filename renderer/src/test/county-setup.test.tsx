import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CountySetup } from '../screens/CountySetup';
import { callsOf, installFakeApi } from './fake-api';
import { overviewOf, renderScreen, TEST_ELECTION } from './render';

function noCountyYet() {
  installFakeApi({
    getOverview: () => overviewOf(null),
    getTeam: () => ({ operators: [], hasChair: false }),
    createCounty: () => TEST_ELECTION,
    signIn: ({ name }) => ({ session: 'new-session', name, role: 'chair' as const, expiresAt: '2028-02-08T12:00:00Z' }),
  });
}

const box = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

/** Fills the form the way a chair does, pressing Enter where people press Enter. */
async function fillCounty(user: UserEvent) {
  await user.type(await screen.findByLabelText('County name'), 'Story County{Enter}');
  await user.keyboard('2028 Caucuses{Enter}');
  await user.clear(box('SDE per county delegate'));
  await user.type(box('SDE per county delegate'), '0.2{Enter}');
  await user.click(box('Precinct 1 code'));
  await user.keyboard('AM1{Tab}Ames 1{Tab}7{Enter}AM2{Tab}Ames 2{Tab}5{Enter}');
  await user.click(box('Candidate 1 name'));
  await user.keyboard('Sanders{Enter}Warren{Enter}Uncommitted');
  await user.type(box('Chair’s name'), 'Pat Quinn');
  await user.type(box('Chair’s PIN'), '123456{Enter}');
}

describe('County setup', () => {
  it('Enter in a candidate box moves to a new row: the names stay apart and no county is created', async () => {
    noCountyYet();
    const user = userEvent.setup();
    renderScreen(<CountySetup />);
    await user.click(await screen.findByLabelText('Candidate 1 name'));
    await user.keyboard('Sanders{Enter}Warren{Enter}Uncommitted{Enter}');
    expect(box('Candidate 1 name').value).toBe('Sanders');
    expect(box('Candidate 2 name').value).toBe('Warren');
    expect(box('Candidate 3 name').value).toBe('Uncommitted');
    expect(document.activeElement).toBe(box('Candidate 4 name'));
    // Enter in the empty last row adds no further row.
    await user.keyboard('{Enter}');
    expect(screen.queryByLabelText('Candidate 5 name')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsOf('createCounty')).toEqual([]);
  });

  it('Enter in a precinct row moves to the next row’s code, adding a row after the last', async () => {
    noCountyYet();
    const user = userEvent.setup();
    renderScreen(<CountySetup />);
    await user.click(await screen.findByLabelText('Precinct 1 code'));
    await user.keyboard('AM1{Tab}Ames 1{Tab}7{Enter}');
    expect(document.activeElement).toBe(box('Precinct 2 code'));
    await user.keyboard('AM2{Enter}');
    expect(document.activeElement).toBe(box('Precinct 3 code'));
    expect(box('Precinct 1 name').value).toBe('Ames 1');
    expect(box('Precinct 2 code').value).toBe('AM2');
    expect(callsOf('createCounty')).toEqual([]);
  });

  it('creates the county only after the summary is confirmed, with what was typed', async () => {
    noCountyYet();
    const user = userEvent.setup();
    renderScreen(<CountySetup />);
    await fillCounty(user);
    expect(callsOf('createCounty')).toEqual([]);
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: /Create county/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Create Story County?' });
    expect(within(dialog).getByTestId('create-county-summary').textContent).toContain(
      '2 precincts electing 12 county delegates',
    );
    expect(
      within(within(dialog).getByRole('list', { name: 'Candidates in ballot order' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Sanders', 'Warren', 'Uncommitted']);
    // Focus starts on the heading: a stray Enter creates nothing.
    await user.keyboard('{Enter}');
    expect(callsOf('createCounty')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Back to editing' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: /Create county/ }));
    await user.click(await screen.findByRole('button', { name: 'Yes, create the county' }));
    await waitFor(() => expect(callsOf('createCounty')).toHaveLength(1));
    expect(callsOf('createCounty')[0]).toMatchObject({
      chair: { name: 'Pat Quinn', pin: '123456' },
      setup: {
        county: 'Story County',
        name: '2028 Caucuses',
        sdePerDelegate: 0.2,
        precincts: [
          { code: 'AM1', name: 'Ames 1', delegates: 7 },
          { code: 'AM2', name: 'Ames 2', delegates: 5 },
        ],
        candidates: ['Sanders', 'Warren', 'Uncommitted'],
      },
    });
  });

  it('lists what to fix instead of a summary while the setup is incomplete', async () => {
    noCountyYet();
    const user = userEvent.setup();
    renderScreen(<CountySetup />);
    await user.click(await screen.findByRole('button', { name: /Create county/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Enter the county name.');
    expect(alert.textContent).toContain('Add at least one candidate.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
