/** Renders a screen as the app does (react-query, the session) against the stand-in Api. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ElectionInfo, Overview, PrecinctRow } from '../api/types';
import { SessionProvider } from '../session';

/** The person signed in for a test (kept where the session keeps it between reloads). */
export const TEST_PERSON = { session: 'test-session', name: 'Robin Test', role: 'chair' } as const;

export function signInForTest(): void {
  sessionStorage.setItem('tallyroom.session', JSON.stringify(TEST_PERSON));
}

export function renderScreen(screen: ReactElement): RenderResult {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchInterval: false }, mutations: { retry: false } },
  });
  return render(
    <QueryClientProvider client={client}>
      <SessionProvider>{screen}</SessionProvider>
    </QueryClientProvider>,
  );
}

export const TEST_ELECTION: ElectionInfo = {
  county: 'Polk County',
  name: 'Polk County Precinct Caucuses',
  date: '2028-02-07',
  rulesProfile: 'iowa-dem-2020',
  sdePerDelegate: 0.25,
  candidates: [
    { name: 'Adams', ballotOrder: 1 },
    { name: 'Baker', ballotOrder: 2 },
    { name: 'Castillo', ballotOrder: 3 },
  ],
  precinctCount: 2,
  totalDelegates: 11,
};

export function precinctRow(code: string, name: string, delegates: number, patch: Partial<PrecinctRow> = {}) {
  const row: PrecinctRow = {
    code,
    name,
    delegates,
    status: 'missing',
    findings: [],
    sources: [],
    reportCount: 0,
    lastReceivedAt: null,
    ...patch,
  };
  return row;
}

export const TEST_PRECINCTS: readonly PrecinctRow[] = [precinctRow('P1', 'Ward 1', 7), precinctRow('P2', 'Ward 2', 4)];

/** The overview of a county with no results yet (or `election: null` for a database with no county). */
export function overviewOf(
  election: ElectionInfo | null,
  precincts: readonly PrecinctRow[] = TEST_PRECINCTS,
): Overview {
  return {
    election,
    statusCounts: {
      missing: precincts.filter((p) => p.status === 'missing').length,
      received: precincts.filter((p) => p.status === 'received').length,
      conflict: precincts.filter((p) => p.status === 'conflict').length,
      verified: precincts.filter((p) => p.status === 'verified').length,
      certified: precincts.filter((p) => p.status === 'certified').length,
      total: precincts.length,
    },
    candidateTotals: [],
    precinctsCounted: 0,
    findingCounts: {},
    precincts: election ? precincts : [],
    countyCertification: null,
  };
}
