import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiOutputs } from '../../../electron/core/api/types';
import { evaluateWorksheet } from '../../../electron/core/rules/evaluate';
import type { WorksheetLine } from '../api/types';
import { ScanFields } from '../components/ScanFields';
import { pageTurnWords } from '../components/scan/page-turn-words';
import { callsOf, installFakeApi } from './fake-api';
import { overviewOf, renderScreen, signInForTest, TEST_ELECTION, TEST_PERSON, TEST_PRECINCTS } from './render';

type ScanView = ApiOutputs['getScanReading'];
type PageView = ScanView['pages'][number];

const VALUES: Record<string, [number, number, number]> = {
  Adams: [20, 20, 4],
  Baker: [10, 10, 2],
  Castillo: [7, 7, 1],
};

/** A page the reader was sure of, every value. */
function surePage(): PageView {
  const fields = Object.entries(VALUES).flatMap(([candidate, values], row) =>
    (['first', 'final', 'delegates'] as const).map((column, index) => ({
      candidate,
      column,
      value: values[index] ?? null,
      confidence: 0.99,
      needsReview: false,
      reasons: [],
      engines: { tesseract: String(values[index]), classifier: String(values[index]) },
      box: { x: 100 + index * 120, y: 200 + row * 60, width: 100, height: 40 },
    })),
  );
  return {
    readingId: 1,
    pageNumber: 1,
    precinct: 'P1',
    expectedPrecinct: null,
    formVersion: 1,
    rotationDegrees: 359.7,
    fields,
    problems: [],
    page: null,
    engineVersions: {},
    elapsedMs: 800,
    readBy: 'Robin Test',
    readAt: '2028-02-07T20:15:00Z',
    confirmation: null,
    kind: 'worksheet',
    foreign: null,
  } as unknown as PageView;
}

function scanOf(page: PageView): ScanView {
  return {
    scanId: 3,
    fileName: 'p1-sheet.png',
    sha256: 'ab'.repeat(32),
    mediaType: 'image/png',
    status: 'read',
    queuedAt: '2028-02-07T20:10:00Z',
    pages: [page],
    rejection: null,
  } as unknown as ScanView;
}

function scanDesk() {
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
    confirmScanReading: ({ precinct }) =>
      ({
        reportId: 12,
        precinct,
        status: 'received',
        findings: [],
        scan: scanOf(surePage()),
      }) as unknown as ApiOutputs['confirmScanReading'],
  });
}

describe('Scan confirmation', () => {
  it('Ctrl+Enter from the first box never files a page the reader was sure of: the values and crops come first', async () => {
    scanDesk();
    const onConfirmed = vi.fn();
    const user = userEvent.setup();
    const page = surePage();
    renderScreen(
      <ScanFields
        scan={scanOf(page)}
        page={page}
        pageUrl={null}
        onFocusField={() => undefined}
        onConfirmed={onConfirmed}
      />,
    );
    const first = await screen.findByRole('textbox', { name: 'Adams, first alignment' });
    await waitFor(() => expect(document.activeElement).toBe(first));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Confirm worksheet/ })).toHaveProperty('disabled', false),
    );

    await user.keyboard('{Control>}{Enter}{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'File this worksheet for precinct P1?' });
    expect(callsOf('confirmScanReading')).toEqual([]);
    // Every value is shown beside its crop of the paper, as it will be filed.
    const table = within(dialog).getByRole('table', { name: 'Values to file' });
    expect(within(table).getAllByRole('img')).toHaveLength(9);
    expect(within(dialog).getByTestId('confirm-value-Castillo-delegates').textContent).toBe('1');
    // Neither the keystroke again nor a stray Enter files it.
    await user.keyboard('{Control>}{Enter}{/Control}{Enter}');
    expect(callsOf('confirmScanReading')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Confirm: these match the paper' }));
    await waitFor(() => expect(onConfirmed).toHaveBeenCalledWith({ reportId: 12, precinct: 'P1', status: 'received' }));
    expect(callsOf('confirmScanReading')[0]?.fields.map((field) => field.value)).toEqual([
      20, 20, 4, 10, 10, 2, 7, 7, 1,
    ]);
  });

  it('going back leaves the values as they were, to be checked again', async () => {
    scanDesk();
    const user = userEvent.setup();
    const page = surePage();
    renderScreen(
      <ScanFields
        scan={scanOf(page)}
        page={page}
        pageUrl={null}
        onFocusField={() => undefined}
        onConfirmed={() => undefined}
      />,
    );
    await screen.findByRole('textbox', { name: 'Adams, first alignment' });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Confirm worksheet/ })).toHaveProperty('disabled', false),
    );
    await user.click(screen.getByRole('button', { name: /Confirm worksheet/ }));
    await user.click(await screen.findByRole('button', { name: 'Back to the values' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsOf('confirmScanReading')).toEqual([]);
  });

  it('says a straight page is straight, not "turned 359°"', () => {
    expect(pageTurnWords(0)).toBe('page straight');
    expect(pageTurnWords(359.7)).toBe('page straight');
    expect(pageTurnWords(359)).toBe('page straightened by 1.0°');
    expect(pageTurnWords(180)).toBe('page was upside down');
    expect(pageTurnWords(90.8)).toBe('page was on its side, straightened by 0.8°');
  });
});
