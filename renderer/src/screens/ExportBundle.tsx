/**
 * Export (docs/BUNDLE.md): the chair makes the county signing key (its public key and fingerprint go to
 * the state party), then exports signed bundles: downloaded here, or written to a USB stick that
 * is verified there and ejected. Every bundle carries the certification report, printed here too.
 */
import { type FormEvent, useState } from 'react';
import type { ExportedBundleView } from '../../../electron/core/api/types';
import { BUNDLE_STATUSES } from '../../../electron/core/model/bundle-status';
import {
  useCreateSigningKey,
  useExportBundle,
  useExportBundleToDrive,
  useRemovableDrives,
  useSigningKey,
} from '../api/bundle-hooks';
import { useOverview } from '../api/hooks';
import { saveFile, saveText } from '../components/file-bytes';
import { Card, EmptyState, ErrorNotice, Loading, Notice, PageHeader } from '../components/ui';
import { formatTime, plural } from '../format';
import { useSession } from '../session';
import './bundle-screens.css';

type Status = (typeof BUNDLE_STATUSES)[number];

const STATUS_WORDS: Record<Status, string> = {
  'unofficial-partial': 'Unofficial, partial (some precincts still missing)',
  'unofficial-complete': 'Unofficial, complete (every precinct has a result)',
  certified: 'Certified (the county is certified)',
  correction: 'Correction of a bundle sent before',
  recount: 'Recount of a bundle sent before',
};

export function ExportBundle() {
  const overview = useOverview();
  const { person } = useSession();
  const key = useSigningKey();
  if (overview.isLoading || key.isLoading) return <Loading />;
  if (!overview.data?.election) {
    return (
      <EmptyState title="No county yet">Set up the county first; then its chair signs result bundles here.</EmptyState>
    );
  }
  const isChair = person?.role === 'chair';
  return (
    <div className="export-screen">
      <PageHeader
        title="Export signed bundle"
        subtitle="A signed result bundle the state party can verify with standard tools, whatever channel carries it."
      />
      {!isChair ? (
        <Notice kind="info">Only the county chair signs for the county. Ask the chair to sign in to export.</Notice>
      ) : null}
      <ErrorNotice error={key.error} />
      {key.data ? <SigningKeyCard state={key.data} isChair={isChair} /> : null}
      {key.data?.key && isChair ? <ExportCard passphraseRemembered={key.data.passphraseRemembered} /> : null}
    </div>
  );
}

function SigningKeyCard({
  state,
  isChair,
}: {
  state: NonNullable<ReturnType<typeof useSigningKey>['data']>;
  isChair: boolean;
}) {
  const { person } = useSession();
  const create = useCreateSigningKey();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [remember, setRemember] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const key = state.key;
  const mismatch = again !== '' && again !== passphrase;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!person || mismatch) return;
    create.mutate(
      { session: person.session, passphrase, remember, replace: key !== null },
      {
        onSuccess: () => {
          setPassphrase('');
          setAgain('');
          setReplacing(false);
        },
      },
    );
  };

  const showForm = isChair && (key === null || replacing);
  return (
    <Card title="County signing key">
      {key ? (
        <div className="signing-key" data-testid="signing-key">
          <p>
            Key <strong>{key.keyId}</strong>, made by {key.createdBy} at {formatTime(key.createdAt)}.
          </p>
          <p className="fingerprint-line">
            Fingerprint: <code data-testid="key-fingerprint">{key.fingerprint}</code>
          </p>
          <p className="hint">
            Send the public key to the state party, and read this fingerprint to them by phone (or print it): they
            register the key only when the fingerprints match.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={() => saveText(key.publicKeyFileName, key.publicKeyText, 'application/octet-stream')}
            >
              Download public key ({key.publicKeyFileName})
            </button>
            {isChair && !replacing ? (
              <button type="button" className="button ghost" onClick={() => setReplacing(true)}>
                Replace the key…
              </button>
            ) : null}
          </div>
          <p className="muted">
            {state.passphraseRemembered
              ? `This computer remembers the passphrase${state.rememberSurvivesRestart ? '' : ' until Tallyroom closes'}.`
              : 'The passphrase is asked for at each export.'}
          </p>
        </div>
      ) : (
        <p>
          This county has no signing key yet.{' '}
          {isChair ? 'Make it now: it stays on this laptop, locked with a passphrase only you know.' : ''}
        </p>
      )}
      {showForm ? (
        <form className="key-form" onSubmit={submit}>
          {key ? (
            <Notice kind="warning">
              A new key replaces {key.keyId}. Bundles signed with it are refused until the state party registers the new
              public key. Do this only if the passphrase is lost.
            </Notice>
          ) : null}
          <label className="field">
            <span className="field-label">Passphrase (at least 8 characters)</span>
            <input
              type="password"
              autoComplete="new-password"
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
              minLength={8}
              required
            />
          </label>
          <label className="field">
            <span className="field-label">Passphrase again</span>
            <input
              type="password"
              autoComplete="new-password"
              value={again}
              onChange={(event) => setAgain(event.target.value)}
              required
            />
          </label>
          {mismatch ? (
            <p className="field-message error" role="alert">
              The two passphrases differ.
            </p>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
            Remember on this computer (the operating system encrypts it)
          </label>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={create.isPending || mismatch}>
              {create.isPending ? 'Making the key…' : key ? 'Make a new key' : 'Make the county key'}
            </button>
            {replacing ? (
              <button type="button" className="button ghost" onClick={() => setReplacing(false)}>
                Cancel
              </button>
            ) : null}
          </div>
          <ErrorNotice error={create.error} title="The key was not made." />
        </form>
      ) : null}
    </Card>
  );
}

function ExportCard({ passphraseRemembered }: { passphraseRemembered: boolean }) {
  const { person } = useSession();
  const exportBundle = useExportBundle();
  const toDrive = useExportBundleToDrive();
  const drives = useRemovableDrives();
  const [status, setStatus] = useState<Status | ''>('');
  const [passphrase, setPassphrase] = useState('');
  const [drive, setDrive] = useState('');
  if (!person) return null;

  const input = {
    session: person.session,
    ...(status ? { status } : {}),
    ...(passphrase ? { passphrase } : {}),
  };
  const busy = exportBundle.isPending || toDrive.isPending;
  const download = () => {
    toDrive.reset();
    exportBundle.mutate(input, { onSuccess: (view) => saveFile(view.bundle) });
  };
  const chosenDrive = drive || drives.data?.[0]?.id || '';
  const writeToDrive = () => {
    exportBundle.reset();
    if (chosenDrive) toDrive.mutate({ ...input, drive: chosenDrive });
  };

  return (
    <Card title="Export">
      <div className="export-form">
        <label className="field">
          <span className="field-label">Status of this bundle</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as Status | '')}>
            <option value="">As the county stands (complete when every precinct has a result)</option>
            {BUNDLE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {STATUS_WORDS[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">
            Signing key passphrase{passphraseRemembered ? ' (remembered; leave empty)' : ''}
          </span>
          <input
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
          />
        </label>
        <div className="form-actions">
          <button type="button" className="button primary" disabled={busy} onClick={download}>
            {exportBundle.isPending ? 'Signing…' : 'Export and download'}
          </button>
        </div>
        <fieldset className="usb-export">
          <legend>Export to USB</legend>
          {drives.data && drives.data.length > 0 ? (
            <>
              <label className="field">
                <span className="field-label">Drive</span>
                <select value={chosenDrive} onChange={(event) => setDrive(event.target.value)}>
                  {drives.data.map((entry) => (
                    <option key={entry.id} value={entry.id}>
                      {entry.label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="button" disabled={busy} onClick={writeToDrive}>
                {toDrive.isPending ? 'Writing and checking…' : 'Export to USB and eject'}
              </button>
            </>
          ) : (
            <p className="muted">Plug in a USB stick to export to it.</p>
          )}
        </fieldset>
      </div>
      <ErrorNotice error={exportBundle.error ?? toDrive.error} title="Nothing was exported." />
      {exportBundle.data ? <Exported view={exportBundle.data} /> : null}
      {toDrive.data ? (
        <>
          <Notice kind={toDrive.data.safeToRemove ? 'success' : 'warning'} role="status">
            <strong>{toDrive.data.safeToRemove ? 'Safe to remove. ' : 'Do not pull the stick out yet. '}</strong>
            {toDrive.data.message}
          </Notice>
          <Exported view={{ ...toDrive.data.bundle, bundle: null }} />
        </>
      ) : null}
    </Card>
  );
}

function Exported({
  view,
}: {
  view: Omit<ExportedBundleView, 'bundle'> & { bundle: ExportedBundleView['bundle'] | null };
}) {
  return (
    <div className="exported" data-testid="exported-bundle">
      <Notice kind="success" role="status">
        Bundle {view.sequence} ({view.status}) is signed, read back and verified: {view.precinctsReporting} of{' '}
        {view.precinctsTotal} precincts
        {view.scans > 0 ? `, ${plural(view.scans, 'worksheet scan')}` : ''}
        {view.findings > 0 ? `, ${view.findings} rule findings the state party will see` : ''}.
      </Notice>
      <p>
        Bundle fingerprint: <code data-testid="bundle-fingerprint">{view.readableFingerprint}</code>
      </p>
      <p className="muted">
        Signed with key {view.keyId} (fingerprint {view.keyFingerprint}).
      </p>
      <div className="form-actions">
        {view.bundle ? (
          <button type="button" className="button" onClick={() => view.bundle && saveFile(view.bundle)}>
            Download the bundle again
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => saveFile(view.report)}>
          Download the certification report (PDF)
        </button>
      </div>
    </div>
  );
}
