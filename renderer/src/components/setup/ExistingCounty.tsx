/** County setup once the county exists: its facts, candidates and precincts, and its team. */
import type { ElectionInfo, Overview } from '../../api/types';
import { RULES_LABELS } from '../../api/types';
import { formatDate, formatSde, plural } from '../../format';
import { TeamCard } from '../TeamCard';
import { Card, PageHeader } from '../ui';

export function ExistingCounty({ election, overview }: { election: ElectionInfo; overview: Overview }) {
  return (
    <div className="screen">
      <PageHeader title="County setup" subtitle="The county this database holds, and its team." />
      <TeamCard />
      <Card title={`${election.county} · ${election.name}`}>
        <dl className="facts">
          <div>
            <dt>Date</dt>
            <dd>{formatDate(election.date)}</dd>
          </div>
          <div>
            <dt>Rules</dt>
            <dd>{RULES_LABELS[election.rulesProfile]}</dd>
          </div>
          <div>
            <dt>SDE per county delegate</dt>
            <dd>{formatSde(election.sdePerDelegate)}</dd>
          </div>
          <div>
            <dt>Precincts</dt>
            <dd>
              {election.precinctCount} electing {plural(election.totalDelegates, 'county delegate')}
            </dd>
          </div>
        </dl>
        <h3 className="subhead">Candidates in ballot order</h3>
        <ol className="candidate-order">
          {[...election.candidates]
            .sort((a, b) => a.ballotOrder - b.ballotOrder)
            .map((candidate) => (
              <li key={candidate.name}>{candidate.name}</li>
            ))}
        </ol>
        <h3 className="subhead">Precincts</h3>
        <div className="table-wrap">
          <table className="data-table" aria-label="Precincts of the county">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Delegates
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.precincts.map((row) => (
                <tr key={row.code}>
                  <td className="mono">{row.code}</td>
                  <td>{row.name}</td>
                  <td className="num">{row.delegates}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">
          A database holds one county and its setup is part of the audited record. To set up a different county, start
          Tallyroom with a new database.
        </p>
      </Card>
    </div>
  );
}
