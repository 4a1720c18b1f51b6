/**
 * State party mode (docs/BUNDLE.md): choose the county bundles and the folder of registered county keys;
 * each bundle is verified (signature, manifests, its files agreeing, the county matching its key,
 * no replay of an older bundle) and the authentic ones are totalled, with charts. Nothing here
 * writes to a county database.
 */
import { useState } from 'react';
import type { ApiInput, StatePartyView } from '../../../electron/core/api/types';
import { useAggregateBundles } from '../api/bundle-hooks';
import { BarChart } from '../components/BarChart';
import { fileToBase64, saveFile } from '../components/file-bytes';
import { Card, ErrorNotice, Notice, PageHeader } from '../components/ui';
import { formatCount, formatSde, plural } from '../format';
import './bundle-screens.css';

const STATUS_WORDS: Record<string, string> = {
  'unofficial-partial': 'unofficial, partial',
  'unofficial-complete': 'unofficial, complete',
  certified: 'certified',
  correction: 'correction',
  recount: 'recount',
};

export function StateParty() {
  const aggregate = useAggregateBundles();
  const statewide = useAggregateBundles();
  const [bundles, setBundles] = useState<File[]>([]);
  const [keys, setKeys] = useState<File[]>([]);
  const [verified, setVerified] = useState<ApiInput<'aggregateBundles'> | null>(null);

  const run = async () => {
    const input = {
      bundles: await Promise.all(
        bundles.map(async (file) => ({ fileName: file.name, contentBase64: await fileToBase64(file) })),
      ),
      publicKeys: await Promise.all(
        keys.map(async (file) => ({ fileName: file.name, contentBase64: await fileToBase64(file) })),
      ),
    };
    setVerified(input);
    statewide.reset();
    aggregate.mutate(input);
  };
  // The statewide files (every precinct, XLSX and NIST) are made only when asked for, from the same
  // bundles verified again: verifying and totalling stays quick.
  const exportStatewide = () => {
    if (!verified) return;
    statewide.mutate(
      { ...verified, statewideExport: true },
      { onSuccess: (view) => view.statewideExport && saveFile(view.statewideExport) },
    );
  };

  return (
    <div className="state-party-screen">
      <PageHeader
        title="State party: verify and total"
        subtitle="Each county's bundle is checked against the key registered for that county before a single number counts."
      />
      <Card title="Bundles and registered keys">
        <div className="state-party-inputs">
          <label className="field">
            <span className="field-label">County bundles (.zip)</span>
            <input
              type="file"
              accept=".zip,application/zip"
              multiple
              data-testid="bundle-files"
              onChange={(event) => setBundles(Array.from(event.target.files ?? []))}
            />
          </label>
          <label className="field">
            <span className="field-label">
              Registered county keys (the .pub files the chairs downloaded from Export; any file names)
            </span>
            <input
              type="file"
              multiple
              data-testid="key-files"
              // A folder picker where the browser has one; the files can also be chosen one by one.
              {...{ webkitdirectory: '' }}
              onChange={(event) =>
                setKeys(Array.from(event.target.files ?? []).filter((file) => file.name.toLowerCase().endsWith('.pub')))
              }
            />
          </label>
          <p className="hint">
            {plural(bundles.length, 'bundle')} and {plural(keys.length, 'registered key')} chosen.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              disabled={bundles.length === 0 || keys.length === 0 || aggregate.isPending}
              onClick={() => void run()}
            >
              {aggregate.isPending ? 'Verifying…' : 'Verify and total'}
            </button>
          </div>
        </div>
        <ErrorNotice error={aggregate.error} title="Nothing was totalled." />
      </Card>
      {aggregate.data ? (
        <Results
          view={aggregate.data}
          exportStatewide={exportStatewide}
          exporting={statewide.isPending}
          exportError={statewide.error}
        />
      ) : null}
    </div>
  );
}

function Results({
  view,
  exportStatewide,
  exporting,
  exportError,
}: {
  view: StatePartyView;
  exportStatewide: () => void;
  exporting: boolean;
  exportError: unknown;
}) {
  const refused = view.checks.filter((check) => check.outcome === 'refused');
  return (
    <>
      <Card title="Each bundle">
        <ul className="bundle-checks" data-testid="bundle-checks">
          {uniqueKeys(view.checks, (check) => check.fileName).map(([key, check]) => (
            <li key={key} className={`bundle-check bundle-${check.outcome}`}>
              <strong>{check.fileName}</strong>{' '}
              <span className={`chip chip-${check.outcome}`}>
                {check.outcome === 'counted'
                  ? 'verified, counted'
                  : check.outcome === 'refused'
                    ? 'refused'
                    : 'duplicate'}
              </span>
              <p>{check.message}</p>
            </li>
          ))}
        </ul>
      </Card>
      <Card
        title={`Statewide: ${view.counties.reporting} of ${plural(view.counties.registered, 'registered county', 'registered counties')} reporting`}
      >
        {view.totals.length > 0 ? (
          <div className="state-party-charts" data-testid="statewide-charts">
            <figure>
              <figcaption>State delegate equivalents by candidate</figcaption>
              <BarChart
                title="State delegate equivalents by candidate"
                description="The sum of every counted county's SDEs for each candidate."
                items={view.totals.map((total) => ({
                  label: total.candidate,
                  value: total.sde,
                  valueLabel: `${formatSde(total.sde)} SDE`,
                }))}
              />
            </figure>
            <figure>
              <figcaption>Final alignment by candidate</figcaption>
              <BarChart
                title="Final alignment by candidate"
                wholeNumbers
                description="Supporters in the final alignment, summed over the counted counties."
                items={view.totals.map((total) => ({
                  label: total.candidate,
                  value: total.finalAlignment,
                  valueLabel: formatCount(total.finalAlignment),
                }))}
              />
            </figure>
            <figure>
              <figcaption>Precincts reporting per county</figcaption>
              <BarChart
                title="Precincts reporting per county"
                description="Share of each registered county's precincts in its counted bundle."
                items={view.byCounty.map((county) => ({
                  label: county.county,
                  value: county.precinctsTotal > 0 ? county.precinctsReporting / county.precinctsTotal : 0,
                  valueLabel:
                    county.status === null ? 'no bundle' : `${county.precinctsReporting} of ${county.precinctsTotal}`,
                }))}
              />
            </figure>
          </div>
        ) : (
          <Notice kind="info">No bundle was counted, so there are no totals yet.</Notice>
        )}
        {view.counties.reporting > 0 ? (
          <div className="form-actions">
            <button
              type="button"
              className="button"
              data-testid="statewide-export"
              disabled={exporting}
              onClick={exportStatewide}
            >
              {exporting ? 'Preparing statewide results…' : 'Export statewide results'}
            </button>
            <p className="hint">
              One .zip: results.json, results.csv, results.xlsx and the NIST SP 1500-100 report, every precinct of the
              counted counties.
            </p>
            <ErrorNotice error={exportError} title="The statewide results were not exported." />
          </div>
        ) : null}
        <div className="table-wrap">
          <table className="data-table" data-testid="statewide-totals">
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col" className="num">
                  First
                </th>
                <th scope="col" className="num">
                  Final
                </th>
                <th scope="col" className="num">
                  County delegates
                </th>
                <th scope="col" className="num">
                  SDE
                </th>
              </tr>
            </thead>
            <tbody>
              {view.totals.map((total) => (
                <tr key={total.candidate}>
                  <th scope="row">{total.candidate}</th>
                  <td className="num">{formatCount(total.firstAlignment)}</td>
                  <td className="num">{formatCount(total.finalAlignment)}</td>
                  <td className="num">{formatCount(total.delegates)}</td>
                  <td className="num">{formatSde(total.sde)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Counties">
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">County</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Bundle
                </th>
                <th scope="col" className="num">
                  Precincts
                </th>
                <th scope="col" className="num">
                  Rule findings
                </th>
              </tr>
            </thead>
            <tbody>
              {view.byCounty.map((county) => (
                <tr key={county.county}>
                  <th scope="row">{county.county}</th>
                  <td>{county.status ? STATUS_WORDS[county.status] : 'not reporting'}</td>
                  <td className="num">{county.sequence ?? '—'}</td>
                  <td className="num">
                    {county.status ? `${county.precinctsReporting} of ${county.precinctsTotal}` : '—'}
                  </td>
                  <td className="num">{county.status ? county.findings : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {refused.length > 0 ? (
        <Card title={`Refused bundles (${refused.length})`}>
          <ul className="refused-bundles" data-testid="refused-bundles">
            {uniqueKeys(view.rejected, (rejection) => rejection.path).map(([key, rejection]) => (
              <li key={key}>
                <strong>{rejection.path}</strong>: {rejection.message}
                {rejection.problems.length > 0 ? (
                  <ul>
                    {uniqueKeys(rejection.problems.slice(0, 8), (problem) => problem.message).map(([key, problem]) => (
                      <li key={key}>{problem.message}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

/** Stable React keys from a name, made unique by counting repeats (the same file may be chosen twice). */
function uniqueKeys<T>(items: readonly T[], nameOf: (item: T) => string): [string, T][] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const name = nameOf(item);
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return [count === 1 ? name : `${name}#${count}`, item];
  });
}
