/**
 * Team mode (docs/TEAM.md). On the chair's hub: pair station laptops (code + QR), watch each station's
 * progress and revoke one. On a station: what it is paired with, its outbox and the USB batch.
 * On a laptop working alone: how team mode starts.
 */
import { type StationView, useStations, useTeamStatus } from '../api/team-hooks';
import { BarChart } from '../components/BarChart';
import { PairingCard } from '../components/PairingCard';
import { StationDetails } from '../components/StationDetails';
import { StationTable } from '../components/StationTable';
import { TeamHubSwitch } from '../components/TeamHubSwitch';
import { Card, EmptyState, ErrorNotice, Loading, PageHeader } from '../components/ui';
import { plural } from '../format';

export function Team() {
  const status = useTeamStatus();
  if (status.isPending) return <Loading label="Loading team mode…" />;
  if (status.isError) return <ErrorNotice error={status.error} title="Team mode could not be loaded." />;
  const team = status.data;
  switch (team.mode) {
    case 'hub':
      return <HubTeam hubInfo={team.hub} />;
    case 'station':
      return (
        <div className="screen team-screen">
          <PageHeader title="Team" subtitle="This laptop is a station: its entries go to the county hub." />
          <StationDetails station={team.station} />
        </div>
      );
    case 'standalone':
      return (
        <div className="screen team-screen">
          <PageHeader title="Team" />
          <EmptyState title="This laptop works alone">
            <p>
              To let several laptops key worksheets into one county, start Tallyroom on the chair’s laptop as the hub,
              then pair each other laptop as a station with the code the hub shows.
            </p>
          </EmptyState>
          <TeamHubSwitch />
        </div>
      );
  }
}

function HubTeam({ hubInfo }: { hubInfo: Parameters<typeof PairingCard>[0]['hub'] }) {
  const stations = useStations();
  const list = stations.data ?? [];
  const active = list.filter((station) => !station.revokedAt);
  const online = active.filter((station) => station.online).length;
  return (
    <div className="screen team-screen">
      <PageHeader
        title="Team"
        subtitle={`This laptop is the county hub · ${plural(active.length, 'station')} paired, ${online} online`}
      />
      <ErrorNotice error={stations.error} title="The stations could not be loaded." />
      <PairingCard hub={hubInfo} />
      <TeamHubSwitch />
      <Card title="Stations">
        <StationTable stations={list} />
      </Card>
      {list.length > 0 ? (
        <Card title="Entries received per station">
          <StationProgress stations={list} />
        </Card>
      ) : null}
    </div>
  );
}

function StationProgress({ stations }: { stations: readonly StationView[] }) {
  const total = stations.reduce((sum, station) => sum + station.entriesReceived, 0);
  return (
    <BarChart
      title="Entries received per station"
      wholeNumbers
      description={`Reports the hub stored from each station (network and USB batches), ${plural(total, 'entry', 'entries')} in all.`}
      items={stations.map((station) => ({
        // Labels key the bars: two stations typed with the same name stay two bars.
        label: `${station.name}${stations.filter((other) => other.name === station.name).length > 1 ? ` ${station.id}` : ''}${station.revokedAt ? ' (revoked)' : ''}`,
        value: station.entriesReceived,
        valueLabel: `${plural(station.entriesReceived, 'entry', 'entries')}${station.queued ? ` · ${station.queued} waiting` : ''}`,
      }))}
    />
  );
}
