import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportFilesResult } from '../../../electron/core/intake/file-result';
import { ImportFiles } from '../screens/ImportFiles';
import { installFakeApi } from './fake-api';
import { overviewOf, renderScreen, signInForTest, TEST_ELECTION, TEST_PERSON } from './render';

const csv = (name: string) => new File(['county,precinct\n'], name, { type: 'text/csv' });

function refused(path: string, message: string, problems: { row: number; column: string | null; message: string }[]) {
  const rejected = [{ path, code: 'UNKNOWN_PRECINCT', message, problems }];
  return {
    path,
    outcome: 'rejected' as const,
    summary: { imported: 0, duplicates: 0, conflicts: 0, rejected, pendingReview: 0 },
    message,
  };
}

/** The stand-in import answers each file as the API does for a file it refuses. */
function importAnswering(answer: (names: string[]) => ImportFilesResult) {
  signInForTest();
  installFakeApi({
    getOverview: () => overviewOf(TEST_ELECTION),
    getTeam: () => ({ operators: [], hasChair: true }),
    getSession: () => ({ ...TEST_PERSON }),
    importFiles: ({ files }) => answer(files.map((file) => file.fileName)),
  });
}

describe('Import results', () => {
  it('all files refused: says nothing was imported, lists every problem by row and column, no blue 100%', async () => {
    importAnswering((names) => {
      const files = names.map((name) =>
        refused(name, `${name} has 2 problems; the first: Precinct "XX-9" is not a precinct of Polk County.`, [
          { row: 3, column: 'candidate', message: 'Candidate "Zephyr" (precinct P1) is not on this county’s ballot.' },
          { row: 5, column: 'precinct', message: 'Precinct "XX-9" is not a precinct of Polk County.' },
        ]),
      );
      return {
        imported: 0,
        duplicates: 0,
        conflicts: 0,
        rejected: files.flatMap((file) => file.summary.rejected),
        pendingReview: 0,
        files,
      };
    });
    const user = userEvent.setup();
    renderScreen(<ImportFiles />);
    const names = ['a-precinct-results-file.csv', 'b.csv', 'c.csv', 'd.csv'];
    await user.upload(await screen.findByLabelText('Files to import'), names.map(csv));

    const summary = await screen.findByTestId('import-summary');
    expect(summary.dataset.tone).toBe('error');
    expect(summary.getAttribute('role')).toBe('alert');
    expect(summary.textContent).toContain('Nothing was imported: all 4 files were refused.');
    expect(summary.textContent).toContain('Refused: 4 files. Nothing from them was stored');
    expect(screen.queryByText(/^Imported$/)).toBeNull();
    expect(screen.getByTestId('import-progress').textContent).toBe('Read 4 of 4 files');

    const table = screen.getByRole('table', { name: 'Import results' });
    const problems = within(table).getByRole('list', { name: 'Problems in a-precinct-results-file.csv' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Row 3, column candidate: Candidate "Zephyr" (precinct P1) is not on this county’s ballot.',
      'Row 5, column precinct: Precinct "XX-9" is not a precinct of Polk County.',
    ]);
    expect(within(table).getAllByText('Refused')).toHaveLength(4);
  });

  it('a mixed import says what was stored, what was already here and what was refused', async () => {
    importAnswering(() => ({
      imported: 1,
      duplicates: 1,
      conflicts: 0,
      rejected: [{ path: 'c.csv', code: 'UNKNOWN_PRECINCT', message: 'c.csv has a problem.' }],
      pendingReview: 0,
      files: [
        {
          path: 'a.csv',
          outcome: 'imported',
          summary: { imported: 1, duplicates: 0, conflicts: 0, rejected: [], pendingReview: 0 },
          message: null,
        },
        {
          path: 'b.csv',
          outcome: 'duplicate',
          summary: { imported: 0, duplicates: 1, conflicts: 0, rejected: [], pendingReview: 0 },
          message: 'Everything in it is already here.',
        },
        refused('c.csv', 'c.csv has a problem.', []),
      ],
    }));
    const user = userEvent.setup();
    renderScreen(<ImportFiles />);
    await user.upload(await screen.findByLabelText('Files to import'), ['a.csv', 'b.csv', 'c.csv'].map(csv));
    const summary = await screen.findByTestId('import-summary');
    expect(summary.dataset.tone).toBe('warning');
    expect([...summary.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'Stored: 1 precinct report.',
      'Already here: 1 file Tallyroom had before, so nothing changed for it.',
      'Refused: 1 file. Nothing from it was stored; why is in the table below. Fix the file and import it again.',
    ]);
  });
});
