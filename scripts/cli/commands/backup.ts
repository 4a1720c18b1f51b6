import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupCounty, DEFAULT_BACKUPS_KEPT } from '../../../electron/core/backup/backup-county';
import { restoreCounty } from '../../../electron/core/backup/restore-county';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { openExistingStore } from '../open-existing-store';

/** tallyroom backup --db FILE --to DIR [--keep N] [--json]: a verified online backup. */
export async function backupCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      to: { type: 'string' },
      keep: { type: 'string', default: String(DEFAULT_BACKUPS_KEPT) },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.db) throw new UsageError('Give the county database with --db FILE.');
  if (!values.to) throw new UsageError('Give the backup folder with --to DIR.');
  const keep = Number(values.keep);
  if (!Number.isInteger(keep) || keep < 1)
    throw new UsageError(`--keep ${values.keep} is not a whole number of 1 or more.`);
  const store = openExistingStore(resolve(io.cwd, values.db));
  try {
    const written = await backupCounty(store, resolve(io.cwd, values.to), 'manual', new Date(), keep);
    if (!written.ok) {
      io.err(written.error.message);
      return EXIT.badInput;
    }
    if (values.json) printJson(io, written.value);
    else
      io.out(
        `Backup written and verified: ${written.value.path} (${written.value.reports} reports, audit log intact).`,
      );
    return EXIT.ok;
  } finally {
    store.close();
  }
}

/** tallyroom restore --backup FILE --db FILE [--operator NAME]: verified restore, nothing deleted. */
export async function restoreCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      backup: { type: 'string' },
      db: { type: 'string' },
      operator: { type: 'string', default: io.env.USER ?? 'county chair' },
    },
  });
  if (!values.backup) throw new UsageError('Give the backup file with --backup FILE.');
  if (!values.db) throw new UsageError('Give where to restore it with --db FILE.');
  const restored = restoreCounty(
    resolve(io.cwd, values.backup),
    resolve(io.cwd, values.db),
    values.operator,
    new Date(),
  );
  if (!restored.ok) {
    io.err(restored.error.message);
    return EXIT.badInput;
  }
  io.out(
    `Restored ${restored.value.reports} reports to ${restored.value.restoredTo}${
      restored.value.previousKeptAt ? `; the database that was there is kept at ${restored.value.previousKeptAt}` : ''
    }.`,
  );
  return EXIT.ok;
}
