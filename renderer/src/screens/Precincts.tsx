/** Every precinct, filterable; a precinct's detail: reports received, current result, findings. */
import { useState } from 'react';
import { useOverview, usePrecinct } from '../api/hooks';
import { LateReportNotice } from '../components/LateReportNotice';
import { NO_FILTER, type PrecinctFilter, PrecinctList } from '../components/PrecinctList';
import { PrintWorksheetButton } from '../components/PrintWorksheetButton';
import { CurrentResult } from '../components/precinct/CurrentResult';
import { ReportsTable } from '../components/precinct/ReportsTable';
import { Card, EmptyState, ErrorNotice, Loading, PageHeader, StatusBadge } from '../components/ui';
import { VerificationPanel } from '../components/VerificationPanel';
import { plural } from '../format';
import { useSession } from '../session';
import './Precincts.css';

export function Precincts() {
  const { route, navigate } = useSession();
  const overview = useOverview();
  const [filter, setFilter] = useState<PrecinctFilter>({
    ...NO_FILTER,
    status: route.status ?? 'all',
    finding: route.finding ?? 'all',
  });
  if (route.precinct) return <PrecinctDetailScreen code={route.precinct} />;
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorNotice error={overview.error} title="The precincts could not be loaded." />;
  const data = overview.data;
  if (!data.election) {
    return (
      <EmptyState
        title="No precincts yet"
        actions={
          <button type="button" className="button primary" onClick={() => navigate({ screen: 'setup' })}>
            Go to county setup
          </button>
        }
      >
        <p>Precincts appear here once the county is set up.</p>
      </EmptyState>
    );
  }
  return (
    <div className="screen">
      <PageHeader
        title="Precincts"
        subtitle="Filter by status or finding; open a precinct to see every report it received."
        actions={<PrintWorksheetButton />}
      />
      <Card>
        <PrecinctList
          overview={data}
          filter={filter}
          onFilterChange={setFilter}
          onOpen={(code) => navigate({ screen: 'precincts', precinct: code })}
        />
      </Card>
    </div>
  );
}

function PrecinctDetailScreen({ code }: { code: string }) {
  const { navigate } = useSession();
  const detail = usePrecinct(code);
  const overview = useOverview();
  const back = (
    <button type="button" className="button ghost" onClick={() => navigate({ screen: 'precincts' })}>
      ← All precincts
    </button>
  );
  if (detail.isPending) return <Loading label={`Loading precinct ${code}…`} />;
  if (detail.isError) {
    return (
      <div className="screen">
        {back}
        <ErrorNotice error={detail.error} title={`Precinct ${code} could not be loaded.`} />
      </div>
    );
  }
  const data = detail.data;
  const election = overview.data?.election ?? null;
  return (
    <div className="screen precinct-detail">
      <div className="breadcrumb">{back}</div>
      <PageHeader
        title={`Precinct ${data.precinct.code} · ${data.precinct.name}`}
        subtitle={
          <>
            Elects {plural(data.precinct.delegates, 'county delegate')}
            {data.precinct.chairEmail ? <> · chair {data.precinct.chairEmail}</> : null}
          </>
        }
        actions={
          <>
            <PrintWorksheetButton precinct={data.precinct.code} />
            <button
              type="button"
              className="button primary"
              onClick={() => navigate({ screen: 'worksheet', precinct: data.precinct.code })}
            >
              Key in a worksheet for this precinct
            </button>
          </>
        }
      />
      <div className={`status-banner status-${data.status}`}>
        <StatusBadge status={data.status} large />
        <p className="status-reason">{data.statusReason}</p>
      </div>
      <LateReportNotice detail={data} />
      <Card title="Verification">
        <VerificationPanel detail={data} />
      </Card>
      <Card title="Current result">
        <CurrentResult detail={data} election={election} />
      </Card>
      <Card title={`Reports received (${data.reports.length})`}>
        <ReportsTable detail={data} />
      </Card>
    </div>
  );
}
