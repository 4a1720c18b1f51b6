/**
 * Settings: the county mailbox the app reads by itself, and where and how often
 * it backs the county database up. The chair saves them (recorded in the audit log); the mailbox
 * password goes to the computer's keychain, never into the county database.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import {
  type BackupStatusView,
  type MailboxStatusView,
  useBackupNow,
  useBackupStatus,
  useCheckMailboxNow,
  useMailboxStatus,
  useSaveBackupSettings,
  useSaveMailboxSettings,
} from '../api/settings-hooks';
import { MailboxLastCheck } from '../components/MailboxLastCheck';
import { Card, ErrorNotice, Loading, Notice, PageHeader } from '../components/ui';
import { formatTime } from '../format';
import { useSession, useSessionToken } from '../session';
import './Settings.css';

export function Settings() {
  return (
    <div className="screen settings-screen">
      <PageHeader
        title="Settings"
        subtitle="The county mailbox Tallyroom reads by itself, and the folder it keeps verified backups in. Only the county chair can change these; every change is in the audit log."
      />
      <MailboxCard />
      <BackupCard />
    </div>
  );
}

function MailboxCard() {
  const status = useMailboxStatus();
  if (status.isPending) return <Loading label="Reading the mailbox settings…" />;
  if (status.error) return <ErrorNotice error={status.error} />;
  return <MailboxForm status={status.data} />;
}

function MailboxForm({ status }: { status: MailboxStatusView }) {
  const { person } = useSession();
  const session = useSessionToken();
  const save = useSaveMailboxSettings();
  const check = useCheckMailboxNow();
  const saved = status.settings;
  const [host, setHost] = useState(saved?.host ?? '');
  const [port, setPort] = useState(String(saved?.port ?? 993));
  const [security, setSecurity] = useState<'tls' | 'starttls'>(saved?.security ?? 'tls');
  const [user, setUser] = useState(saved?.user ?? '');
  const [folder, setFolder] = useState(saved?.folder ?? 'INBOX');
  const [password, setPassword] = useState('');
  const [pollMinutes, setPollMinutes] = useState(String(saved?.pollMinutes ?? 5));
  const [automatic, setAutomatic] = useState(saved?.automatic ?? true);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const isChair = person?.role === 'chair';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSavedNote(null);
    try {
      await save.mutateAsync({
        session,
        host: host.trim(),
        port: Number(port),
        security,
        user: user.trim(),
        folder: folder.trim() || 'INBOX',
        pollMinutes: Number(pollMinutes),
        automatic,
        ...(password !== '' ? { password } : {}),
      });
      setPassword('');
      setSavedNote(automatic ? 'Saved. Tallyroom is checking the mailbox now.' : 'Saved.');
    } catch {
      // shown from save.error
    }
  }

  return (
    <Card
      title="County mailbox"
      actions={
        <button
          type="button"
          className="button"
          disabled={!status.configured || check.isPending || !person}
          onClick={() => check.mutate({ session })}
        >
          {check.isPending || status.checking ? 'Checking…' : 'Check now'}
        </button>
      }
    >
      <MailboxLastCheck status={status} />
      {check.error ? <ErrorNotice error={check.error} title="The mailbox was not checked." /> : null}
      <form className="settings-form" onSubmit={(event) => void onSubmit(event)} aria-label="County mailbox">
        <div className="settings-grid">
          <label className="field">
            <span className="field-label">Mail server</span>
            <input value={host} onChange={(event) => setHost(event.target.value)} placeholder="imap.example.org" />
          </label>
          <label className="field">
            <span className="field-label">Port</span>
            <input inputMode="numeric" value={port} onChange={(event) => setPort(event.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Security</span>
            <select
              value={security}
              onChange={(event) => {
                const next = event.target.value as 'tls' | 'starttls';
                setSecurity(next);
                if (port === '993' || port === '143') setPort(next === 'tls' ? '993' : '143');
              }}
            >
              <option value="tls">TLS (port 993)</option>
              <option value="starttls">STARTTLS (port 143)</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">User name</span>
            <input
              value={user}
              onChange={(event) => setUser(event.target.value)}
              placeholder="results@county.example"
              autoComplete="off"
            />
          </label>
          <label className="field">
            <span className="field-label">Password</span>
            <input
              type="password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              placeholder={status.passwordSaved ? 'Saved — leave empty to keep it' : 'The mailbox password'}
              autoComplete="new-password"
            />
          </label>
          <label className="field">
            <span className="field-label">Folder</span>
            <input value={folder} onChange={(event) => setFolder(event.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Check every (minutes)</span>
            <input inputMode="numeric" value={pollMinutes} onChange={(event) => setPollMinutes(event.target.value)} />
          </label>
          <label className="field checkbox-field">
            <input type="checkbox" checked={automatic} onChange={(event) => setAutomatic(event.target.checked)} />
            <span>Check by itself while Tallyroom is open (and at once when the server says mail arrived)</span>
          </label>
        </div>
        <p className="hint">
          {status.passwordKeptBetweenRuns
            ? 'The password is kept encrypted by this computer’s keychain, never in the county database or the audit log.'
            : 'This computer has no keychain Tallyroom can use: the password is kept only until Tallyroom closes, never in the county database or the audit log.'}
        </p>
        {save.error ? <ErrorNotice error={save.error} title="The mailbox settings were not saved." /> : null}
        {savedNote ? (
          <Notice kind="success" role="status">
            {savedNote}
          </Notice>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={!isChair || save.isPending}>
            Save mailbox settings
          </button>
          {isChair ? null : <span className="hint">Only the county chair can change the mailbox.</span>}
        </div>
      </form>
    </Card>
  );
}

function BackupCard() {
  const status = useBackupStatus();
  if (status.isPending) return <Loading label="Reading the backup settings…" />;
  if (status.error) return <ErrorNotice error={status.error} />;
  return <BackupForm status={status.data} />;
}

function BackupForm({ status }: { status: BackupStatusView }) {
  const { person } = useSession();
  const session = useSessionToken();
  const save = useSaveBackupSettings();
  const backupNow = useBackupNow();
  const [folder, setFolder] = useState(status.settings?.folder ?? '');
  const [everyMinutes, setEveryMinutes] = useState(String(status.settings?.everyMinutes ?? 5));
  const [keep, setKeep] = useState(String(status.settings?.keep ?? 24));
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const isChair = person?.role === 'chair';
  useEffect(() => {
    if (backupNow.isSuccess) setSavedNote(null);
  }, [backupNow.isSuccess]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSavedNote(null);
    try {
      await save.mutateAsync({
        session,
        folder: folder.trim(),
        everyMinutes: Number(everyMinutes),
        keep: Number(keep),
      });
      setSavedNote('Saved. The first backup is taken within a minute.');
    } catch {
      // shown from save.error
    }
  }

  const last = status.lastAttempt;
  return (
    <Card
      title="Backups"
      actions={
        <button
          type="button"
          className="button"
          disabled={!status.configured || backupNow.isPending || !person}
          onClick={() => backupNow.mutate({ session })}
        >
          {backupNow.isPending ? 'Backing up…' : 'Back up now'}
        </button>
      }
    >
      <div className="settings-status" data-testid="backup-status">
        {status.configured ? (
          <p>
            Last verified backup: <strong data-testid="backup-last">{formatTime(status.lastBackupAt)}</strong>
            {status.nextDueAt ? <span className="muted"> · next due {formatTime(status.nextDueAt)}</span> : null}
            <span className="muted"> · also after every certification</span>
          </p>
        ) : (
          <p className="muted">No backup folder chosen yet: Tallyroom is not backing the county up by itself.</p>
        )}
        {last && !last.ok ? (
          <Notice kind="error" role="alert">
            <strong>The last backup ({formatTime(last.at)}) failed.</strong> {last.error?.message}
          </Notice>
        ) : null}
        {backupNow.error ? (
          <Notice kind="error" role="alert">
            {errorMessage(backupNow.error)}
          </Notice>
        ) : null}
        {backupNow.data ? (
          <Notice kind="success" role="status">
            Backup written and verified: {backupNow.data.path}
          </Notice>
        ) : null}
      </div>
      <form className="settings-form" onSubmit={(event) => void onSubmit(event)} aria-label="Backups">
        <div className="settings-grid">
          <label className="field wide">
            <span className="field-label">Backup folder (e.g. on a USB stick)</span>
            <input
              value={folder}
              onChange={(event) => setFolder(event.target.value)}
              placeholder="/media/chair/BACKUP/tallyroom"
            />
          </label>
          <label className="field">
            <span className="field-label">Back up every (minutes)</span>
            <input inputMode="numeric" value={everyMinutes} onChange={(event) => setEveryMinutes(event.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Scheduled backups kept</span>
            <input inputMode="numeric" value={keep} onChange={(event) => setKeep(event.target.value)} />
          </label>
        </div>
        <p className="hint">
          Each backup is checked after it is written (database integrity and the whole audit log). Backups taken after a
          certification are always kept; older scheduled ones are removed beyond the number kept.
        </p>
        {save.error ? <ErrorNotice error={save.error} title="The backup settings were not saved." /> : null}
        {savedNote ? (
          <Notice kind="success" role="status">
            {savedNote}
          </Notice>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={!isChair || save.isPending}>
            Save backup settings
          </button>
          {isChair ? null : <span className="hint">Only the county chair can change backups.</span>}
        </div>
      </form>
    </Card>
  );
}
