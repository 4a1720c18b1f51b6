import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { evaluateWorksheet } from '../../../electron/core/rules/evaluate';
import type { SubmittedReport, WorksheetLine } from '../api/types';
import { WorksheetEntry } from '../screens/WorksheetEntry';
import { callsOf, installFakeApi } from './fake-api';
import { overviewOf, renderScreen, signInForTest, TEST_ELECTION, TEST_PERSON, TEST_PRECINCTS } from './render';

/**
 * The stand-in answers evaluateWorksheet with the real caucus rules, as the API does. Precinct leases
 * (team mode) are not answered: the screen carries on without them, as it does when a hub is away.
 */
function countyWithWorksheets() {
  signInForTest();
  installFakeApi({
    getOverview: () => overviewOf(TEST_ELECTION),
    getTeam: () => ({ operators: [], hasChair: true }),
    getSession: () => ({ ...TEST_PERSON }),
    evaluateWorksheet: ({ precinct, lines, coinTosses }) =>
      evaluateWorksheet('iowa-dem-2020', {
        precinct,
        precinctDelegates: TEST_PRECINCTS.find((row) => row.code === precinct)?.delegates ?? null,
        sdePerDelegate: TEST_ELECTION.sdePerDelegate,
        lines: (lines as WorksheetLine[]).map((line) => ({ ...line, sde: null })),
        coinTosses,
      }),
    submitWorksheet: ({ precinct }) =>
      ({ reportId: 7, precinct, status: 'received', findings: [] }) as unknown as SubmittedReport,
  });
}

async function openPrecinct(user: UserEvent, code: string) {
  const picker = await screen.findByRole('combobox', { name: 'Precinct' });
  await user.type(picker, `${code}{Enter}`);
  await screen.findByRole('table', { name: `Worksheet for precinct ${code}` });
}

/** Types each column top to bottom with Enter, as from the paper. */
async function keyColumns(user: UserEvent, first: string[], final: string[], delegates: string[]) {
  await user.click(screen.getByLabelText('First alignment for Adams'));
  for (const value of [...first, ...final, ...delegates]) await user.keyboard(`${value}{Enter}`);
}

describe('Worksheet form', () => {
  it('a clean sheet saves on Ctrl+Enter, as today', async () => {
    countyWithWorksheets();
    const user = userEvent.setup();
    renderScreen(<WorksheetEntry />);
    await openPrecinct(user, 'P1');
    await keyColumns(user, ['20', '10', '7'], ['20', '10', '7'], ['4', '2', '1']);
    await waitFor(() => expect(screen.getByTestId('eligible-attendees').textContent).toBe('37'));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(callsOf('submitWorksheet')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsOf('submitWorksheet')[0]?.lines.map((line) => line.firstAlignment)).toEqual([20, 10, 7]);
  });

  it('a sheet with findings is saved only after its findings are checked against the paper', async () => {
    countyWithWorksheets();
    const user = userEvent.setup();
    renderScreen(<WorksheetEntry />);
    await openPrecinct(user, 'P1');
    // Final 40 > first 37, and the delegates do not follow the rules.
    await keyColumns(user, ['20', '10', '7'], ['23', '10', '7'], ['5', '1', '1']);
    await user.keyboard('{Control>}{Enter}{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Check the paper' });
    const listed = within(dialog).getByRole('list', { name: 'Findings on this worksheet' });
    expect(listed.textContent).toContain('more than the 37 eligible attendees');
    expect(callsOf('submitWorksheet')).toEqual([]);

    // The keystroke that saves a clean sheet does not save this one, nor does a stray Enter.
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.keyboard('{Enter}');
    expect(callsOf('submitWorksheet')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Back to the worksheet' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Final alignment for Adams').value).toBe('23');

    await user.click(screen.getByRole('button', { name: /Save worksheet/ }));
    await user.click(await screen.findByRole('button', { name: 'Save as the paper says' }));
    await waitFor(() => expect(callsOf('submitWorksheet')).toHaveLength(1));
    expect(callsOf('submitWorksheet')[0]?.lines.map((line) => line.finalAlignment)).toEqual([23, 10, 7]);
  });

  it('works nothing out from boxes that cannot be counts: -3, 2.5, 1O', async () => {
    countyWithWorksheets();
    const user = userEvent.setup();
    renderScreen(<WorksheetEntry />);
    await openPrecinct(user, 'P1');
    await keyColumns(user, ['-3', '2.5', '12'], [], []);
    await waitFor(() => expect(screen.getByTestId('math-waiting')).toBeTruthy());
    expect(screen.getByTestId('eligible-attendees').textContent).toBe('—');
    expect(screen.getByTestId('viable-groups').textContent).toBe('—');
    expect(screen.queryByText('Viable')).toBeNull();
    expect(screen.getByRole('button', { name: /Save worksheet/ })).toHaveProperty('disabled', true);

    // "1O" is not a number: one message under its box, not two.
    const castillo = screen.getByLabelText('First alignment for Castillo');
    await user.clear(castillo);
    await user.type(castillo, '1O');
    await user.tab();
    await waitFor(() => expect(callsOf('evaluateWorksheet').length).toBeGreaterThan(3));
    const messages = document.querySelectorAll(
      'tr.message-row[data-candidate="Castillo"][data-field="firstAlignment"] .field-message',
    );
    expect([...messages].map((message) => message.textContent)).toEqual(['“1O” is not a number. Type digits only.']);
    expect(screen.getByTestId('eligible-attendees').textContent).toBe('—');
  });
});
