import { addedFileKind } from '../intake/added-file-kinds';
import { type FileKind, fileKindOf } from '../intake/file-kind';
import { findIntakeProblem } from '../intake/import-results-file';
import { SUPPORTED_FORMATS } from '../intake/ingest-file';
import { parseMessage } from '../intake/parse-message';
import { parseReportFile } from '../intake/parse-report-file';
import { stageFile } from '../intake/stage-file';
import { type AppError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import type { RemovableDrive } from './drive';

export interface InboxFile {
  readonly path: string;
  readonly fileName: string;
  readonly kind: FileKind;
  readonly size: number;
  readonly sha256: string | null;
  /** The same bytes are already in the database: importing changes nothing. */
  readonly alreadyImported: boolean;
  /** Precincts the file has results for (for an email: in its attachments). */
  readonly precincts: readonly string[];
  /** Why it would be refused, when it would be. */
  readonly problem: { readonly code: string; readonly message: string } | null;
}

export interface DriveInbox {
  readonly drive: { readonly id: string; readonly label: string; readonly mountPath: string };
  /** Files with results, by precinct in county order (a file with two precincts is under both). */
  readonly byPrecinct: readonly { readonly precinct: string; readonly files: readonly InboxFile[] }[];
  /** Worksheet scans: their precinct is read later, by OCR. */
  readonly scans: readonly InboxFile[];
  /** Files that would be refused, and why. */
  readonly problems: readonly InboxFile[];
}

/**
 * What is on a drive, by precinct, before anything is imported: each file is staged and parsed
 * exactly as an import would, but nothing is written to the database.
 */
export async function buildDriveInbox(
  store: CountyStore,
  drive: RemovableDrive,
): Promise<Result<DriveInbox, AppError>> {
  const listing = await drive.listFiles();
  if (!listing.ok) return listing;
  const files: InboxFile[] = listing.value.rejected.map((refused) => ({
    path: refused.path,
    fileName: refused.path.split(/[\\/]/).pop() ?? refused.path,
    kind: 'unsupported',
    size: 0,
    sha256: null,
    alreadyImported: false,
    precincts: [],
    problem: { code: refused.code, message: refused.message },
  }));
  for (const file of listing.value.files) files.push(await inspect(store, drive, file));
  const order = new Map(store.listPrecincts().map((precinct, index) => [precinct.code, index]));
  const byPrecinct = new Map<string, InboxFile[]>();
  for (const file of files) {
    if (file.problem) continue;
    for (const precinct of file.precincts) byPrecinct.set(precinct, [...(byPrecinct.get(precinct) ?? []), file]);
  }
  return ok({
    drive: { id: drive.id, label: drive.label, mountPath: drive.mountPath },
    byPrecinct: [...byPrecinct.entries()]
      .sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER))
      .map(([precinct, precinctFiles]) => ({ precinct, files: precinctFiles })),
    scans: files.filter((file) => file.kind === 'scan' && !file.problem),
    problems: files.filter((file) => file.problem !== null),
  });
}

async function inspect(
  store: CountyStore,
  drive: RemovableDrive,
  file: { readonly path: string; readonly fileName: string; readonly size: number },
): Promise<InboxFile> {
  const kind = fileKindOf(file.fileName);
  const base = { path: file.path, fileName: file.fileName, kind, size: file.size };
  if (kind === 'unsupported') {
    return {
      ...base,
      sha256: null,
      alreadyImported: false,
      precincts: [],
      problem: {
        code: 'UNSUPPORTED_FORMAT',
        message: `${file.fileName} is not a kind of file Tallyroom imports (${SUPPORTED_FORMATS}).`,
      },
    };
  }
  const staged = await stageFile(drive.reader, file.path, file.fileName);
  if (!staged.ok) return { ...base, sha256: null, alreadyImported: false, precincts: [], problem: staged.error };
  const { sha256, bytes } = staged.value;
  const alreadyImported = store.findImportFile(sha256) !== null;
  if (kind === 'scan') return { ...base, sha256, alreadyImported, precincts: [], problem: null };
  const added = addedFileKind(kind);
  if (added) return { ...base, sha256, ...added.inspect(store, file.fileName, bytes) };
  if (kind === 'email') {
    const message = await parseMessage(file.fileName, bytes);
    if (!message.ok) return { ...base, sha256, alreadyImported, precincts: [], problem: message.error };
    const precincts = message.value.attachments.flatMap((attachment) => {
      const parsed = parseReportFile(attachment.fileName, attachment.bytes);
      return parsed.ok ? parsed.value.results.map((result) => result.precinct) : [];
    });
    return { ...base, sha256, alreadyImported, precincts: [...new Set(precincts)], problem: null };
  }
  const parsed = parseReportFile(file.fileName, bytes);
  if (!parsed.ok) return { ...base, sha256, alreadyImported, precincts: [], problem: parsed.error };
  const precincts = parsed.value.results.map((result) => result.precinct);
  // The same checks an import makes (unknown precinct or candidate, a count that cannot be one), so "ready" means it will import.
  const election = store.getElection();
  const problem = election
    ? findIntakeProblem(store, parsed.value.results, election.county, file.fileName, undefined, parsed.value.rows)
    : null;
  return { ...base, sha256, alreadyImported, precincts, problem: problem && !problem.ok ? problem.error : null };
}
