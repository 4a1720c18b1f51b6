import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PrecinctDetail, ReportView } from '../api/types';
import { LateReportNotice } from '../components/LateReportNotice';
import { useSession } from '../session';
import { installFakeApi } from './fake-api';
import { overviewOf, renderScreen, TEST_ELECTION } from './render';

function report(id: number, adams: number, operator: string): ReportView {
  return {
    id,
    source: 'manual',
    operator,
    receivedAt: `2028-02-07T2${id}:00:00Z`,
    fileName: null,
    sha256: String(id).repeat(64).slice(0, 64),
    supersedes: null,
    lines: [
      { candidate: 'Adams', firstAlignment: adams, finalAlignment: adams, delegatesAwarded: null },
      { candidate: 'Baker', firstAlignment: 10, finalAlignment: 10, delegatesAwarded: null },
    ],
    sdeByCandidate: {},
    coinTosses: [],
  };
}

function certifiedWith(late: ReportView[]): PrecinctDetail {
  const certified = report(1, 20, 'Pat Quinn');
  return {
    precinct: { code: 'P1', name: 'Ward 1', delegates: 7, chairEmail: null },
    status: 'certified',
    reports: [certified, report(2, 20, 'Jordan Lee'), ...late],
    current: certified,
    evaluation: null,
    statusReason: 'Certified by Pat Quinn.',
    verification: {
      resolution: null,
      overruled: [],
      reopened: false,
      verifiedBy: [],
      certification: null,
      changes: [],
      lateReports: late.map((entry) => entry.id),
    },
  } as unknown as PrecinctDetail;
}

/** Shows where the app would go: the route the session holds. */
function RouteProbe() {
  return <output data-testid="route">{JSON.stringify(useSession().route)}</output>;
}

describe('A changed report on a certified precinct', () => {
  it('is shown with who keyed it and a recount offered', async () => {
    installFakeApi({
      getOverview: () => overviewOf(TEST_ELECTION),
      getTeam: () => ({ operators: [], hasChair: true }),
    });
    const user = userEvent.setup();
    renderScreen(
      <>
        <LateReportNotice detail={certifiedWith([report(3, 24, 'Sam Ortiz')])} />
        <RouteProbe />
      </>,
    );
    const notice = await screen.findByTestId('late-report-notice');
    expect(notice.textContent).toContain('Changed after certification');
    expect(notice.textContent).toContain('Keyed in by Sam Ortiz');
    await user.click(screen.getByRole('button', { name: 'Enter a recount' }));
    expect(JSON.parse(screen.getByTestId('route').textContent ?? '{}')).toEqual({ screen: 'recount', precinct: 'P1' });
  });

  it('says nothing when the later report has the certified numbers', () => {
    installFakeApi({
      getOverview: () => overviewOf(TEST_ELECTION),
      getTeam: () => ({ operators: [], hasChair: true }),
    });
    renderScreen(<LateReportNotice detail={certifiedWith([report(3, 20, 'Sam Ortiz')])} />);
    expect(screen.queryByTestId('late-report-notice')).toBeNull();
  });
});
