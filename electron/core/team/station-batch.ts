/**
 * Signed station batches (docs/TEAM.md, "No network"): a station writes its outbox to a file for
 * a USB stick, signed with the Ed25519 key it registered at pairing; the hub imports the file
 * through the normal intake, checks the signature against that station's key, and applies each
 * entry exactly once (the same request ids as over the network, so nothing lands twice).
 *
 * The file: canonical JSON { "batch": { kind, version, stationId, stationName, hubFingerprint,
 * createdAt, entries: [{ requestId, method, queuedAt, operator, sessionHash, input }] },
 * "signature": base64 Ed25519 over canonicalJson(batch) }. Session tokens never travel on a
 * stick: only their sha256, which is what the hub stores, so the hub can tell who signed in.
 */
import { createPublicKey, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../audit-log/canonical-json';
import { type AddedFileKind, addFileKind } from '../intake/added-file-kinds';
import { fileKindOf, safeFileName } from '../intake/file-kind';
import { importFilesInput } from '../intake/import-files-input';
import { ingestFile } from '../intake/ingest-file';
import { addOutcome, emptySummary, type FileOutcome, rejected } from '../intake/intake-summary';
import { parseUntrustedJson } from '../intake/safe-json';
import type { ReportSource } from '../model/report';
import type { Permission } from '../operators/roles';
import { mayNotRecord, roleMay, roleMayRecord } from '../operators/roles';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { countOperators, findOperatorById, findSession } from '../store/operator-records';
import type { OutboxEntry, StationPairingRecord } from '../store/station-records';
import {
  findDeliveredRequest,
  findStation,
  insertDeliveredRequest,
  lastReportId,
  reportsSince,
} from '../store/team-records';
import { submitWorksheet } from '../worksheet/submit-worksheet';
import { submitWorksheetInput } from '../worksheet/worksheet-input';
import { STATION_BATCH_EXTENSION, type StationBatchFile } from './contract';
import { recordOrigins } from './hub-state';

const BATCH_KIND = 'tallyroom.station-batch';
/** The intake's file cap: a batch is a file on a stick like any other. */
const MAX_BATCH_BYTES = 25 * 1024 * 1024;

const batchEntrySchema = z.object({
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  method: z.string().min(1).max(60),
  queuedAt: z.string().min(10).max(40),
  operator: z.string().max(80).nullable(),
  sessionHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  input: z.record(z.string(), z.unknown()),
});

const batchSchema = z.object({
  kind: z.literal(BATCH_KIND),
  version: z.literal(1),
  stationId: z.string().regex(/^st-[0-9a-f]{8}$/),
  stationName: z.string().max(80),
  hubFingerprint: z.string().max(200),
  createdAt: z.string().max(40),
  entries: z.array(batchEntrySchema).max(100_000),
});

const batchFileSchema = z.object({ batch: z.unknown(), signature: z.string().max(200) });

type BatchEntry = z.infer<typeof batchEntrySchema>;

// ---- Station side ----

export function buildStationBatch(
  pairing: StationPairingRecord,
  entries: readonly OutboxEntry[],
  now: Date,
): StationBatchFile {
  const batch = {
    kind: BATCH_KIND,
    version: 1,
    stationId: pairing.stationId,
    stationName: pairing.stationName,
    hubFingerprint: pairing.hubFingerprint,
    createdAt: now.toISOString(),
    entries: entries.map((entry) => {
      const { session: _session, ...input } = JSON.parse(entry.input) as Record<string, unknown>;
      return {
        requestId: entry.requestId,
        method: entry.method,
        queuedAt: entry.queuedAt,
        operator: entry.operator,
        sessionHash: entry.sessionHash,
        input,
      };
    }),
  };
  const signature = sign(null, Buffer.from(canonicalJson(batch)), pairing.privateKeyPem).toString('base64');
  const content = canonicalJson({ batch, signature });
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return {
    fileName: `station-${pairing.stationId}-${stamp}${STATION_BATCH_EXTENSION}`,
    mediaType: 'application/json',
    contentBase64: Buffer.from(content).toString('base64'),
    entries: batch.entries.length,
  };
}

// ---- Hub side ----

/**
 * Intake of a station batch file: refused whole when it is not a signed batch from a station
 * paired with this hub and not revoked; otherwise each entry not seen before is applied in its
 * own transaction with its request record.
 */
export function importStationBatch(
  store: CountyStore,
  request: { fileName: string; bytes: Uint8Array; operator: string; at: string },
): FileOutcome {
  const verified = verifyStationBatch(store, request.fileName, request.bytes);
  if (!verified.ok) return rejected(verified.error);
  const { station, batch } = verified.value;
  let reports = 0;
  let conflicts = 0;
  let pendingReview = 0;
  let fresh = 0;
  const refusals: string[] = [];
  for (const entry of batch.entries) {
    if (findDeliveredRequest(store, station.id, entry.requestId)) continue;
    fresh++;
    const applied = store.transaction<BatchEntryOutcome, AppError>(() => {
      const before = lastReportId(store);
      const outcome = applyEntry(store, entry, request.at);
      insertDeliveredRequest(store, {
        stationId: station.id,
        requestId: entry.requestId,
        method: entry.method,
        via: 'batch',
        operator: outcome.operator,
        receivedAt: request.at,
        response: JSON.stringify(outcome.answer),
      });
      const reportIds = outcome.operator ? reportsSince(store, before, outcome.operator) : [];
      recordOrigins(store, {
        station,
        requestId: entry.requestId,
        operator: outcome.operator,
        reportIds,
        via: 'batch',
        at: request.at,
      });
      return ok({ ...outcome, reports: reportIds.length });
    });
    if (!applied.ok) {
      refusals.push(applied.error.message);
      continue;
    }
    reports += applied.value.reports ?? 0;
    conflicts += applied.value.conflicts;
    pendingReview += applied.value.pendingReview;
    if (!applied.value.answer.ok) refusals.push(applied.value.answer.error.message);
  }
  if (fresh === 0) return { kind: 'duplicate' };
  if (reports > 0) return { kind: 'imported', reports, conflicts };
  if (pendingReview > 0) return { kind: 'pending-review' };
  return rejected({
    code: 'BATCH_ENTRIES_REFUSED',
    message: `${request.fileName}: no entry could be stored. ${refusals.slice(0, 3).join(' ')}`.trim(),
  });
}

/** What a drive's inbox shows for a batch before it is imported: its precincts, or why it would be refused. */
export function inspectStationBatch(
  store: CountyStore,
  fileName: string,
  bytes: Uint8Array,
): { precincts: string[]; alreadyImported: boolean; problem: AppError | null } {
  const verified = verifyStationBatch(store, fileName, bytes);
  if (!verified.ok) return { precincts: [], alreadyImported: false, problem: verified.error };
  const { station, batch } = verified.value;
  const fresh = batch.entries.filter((entry) => !findDeliveredRequest(store, station.id, entry.requestId));
  const precincts = fresh.flatMap((entry) => {
    const precinct = entry.input.precinct;
    return typeof precinct === 'string' ? [precinct] : [];
  });
  return { precincts: [...new Set(precincts)], alreadyImported: fresh.length === 0, problem: null };
}

export function verifyStationBatch(
  store: CountyStore,
  fileName: string,
  bytes: Uint8Array,
): Result<{ station: NonNullable<ReturnType<typeof findStation>>; batch: z.infer<typeof batchSchema> }, AppError> {
  const malformed = () =>
    appError('BATCH_MALFORMED', `${fileName} is not a station batch file Tallyroom can read. Nothing was imported.`);
  const json = parseUntrustedJson(fileName, bytes, { maxBytes: MAX_BATCH_BYTES, maxDepth: 16 });
  if (!json.ok) return json;
  const file = batchFileSchema.safeParse(json.value);
  if (!file.success) return malformed();
  const batch = batchSchema.safeParse(file.data.batch);
  if (!batch.success) return malformed();
  const station = findStation(store, batch.data.stationId);
  if (!station) {
    return appError(
      'BATCH_UNKNOWN_STATION',
      `${fileName} comes from a station this hub never paired (${batch.data.stationId}). Nothing was imported.`,
    );
  }
  if (station.revokedAt !== null) {
    return appError(
      'BATCH_STATION_REVOKED',
      `${fileName} comes from ${station.name}, which the chair revoked at ${station.revokedAt}. Nothing was imported.`,
    );
  }
  let valid = false;
  try {
    const key = createPublicKey({ key: Buffer.from(station.publicKey, 'base64'), format: 'der', type: 'spki' });
    // Verified over the batch as read, re-serialised canonically: any change to any byte of meaning fails.
    valid = verify(null, Buffer.from(canonicalJson(file.data.batch)), key, Buffer.from(file.data.signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) {
    return appError(
      'BATCH_SIGNATURE_INVALID',
      `${fileName} is not signed by ${station.name}: it was changed after the station wrote it, or it was not made by that station. Nothing was imported.`,
    );
  }
  return ok({ station, batch: batch.data });
}

interface BatchEntryOutcome {
  readonly answer: Result<unknown, AppError>;
  readonly operator: string | null;
  readonly conflicts: number;
  readonly pendingReview: number;
  readonly reports?: number;
}

function applyEntry(store: CountyStore, entry: BatchEntry, at: string): BatchEntryOutcome {
  const refuse = (error: Result<never, AppError>, operator: string | null = null): BatchEntryOutcome => ({
    answer: error,
    operator,
    conflicts: 0,
    pendingReview: 0,
  });
  if (entry.method === 'submitWorksheet') {
    const input = submitWorksheetInput.safeParse(entry.input);
    if (!input.success) return refuse(appError('INVALID_INPUT', 'A worksheet entry in the batch could not be read.'));
    const who = batchActor(
      store,
      entry,
      input.data.source === 'recount' ? 'enter-recount' : 'enter-results',
      input.data.source,
    );
    if (!who.ok) return refuse(who);
    const stored = submitWorksheet(store, { ...input.data, operator: who.value }, at);
    return {
      answer: stored,
      operator: who.value,
      conflicts: stored.ok && stored.value.status === 'conflict' ? 1 : 0,
      pendingReview: 0,
    };
  }
  if (entry.method === 'importFiles') {
    const input = importFilesInput.safeParse(entry.input);
    if (!input.success) return refuse(appError('INVALID_INPUT', 'A file import in the batch could not be read.'));
    const who = batchActor(store, entry, 'enter-results', input.data.source);
    if (!who.ok) return refuse(who);
    const summary = emptySummary();
    for (const [index, file] of input.data.files.entries()) {
      const fileName = safeFileName(file.fileName, `file-${index + 1}`);
      const kind = fileKindOf(fileName);
      if (kind === 'email' || kind === 'station-batch') {
        addOutcome(
          summary,
          file.fileName,
          rejected({
            code: 'NOT_IN_A_BATCH',
            message: `${fileName} cannot travel inside a station batch; bring it to the hub on its own.`,
          }),
        );
        continue;
      }
      addOutcome(
        summary,
        file.fileName,
        ingestFile(store, {
          fileName,
          bytes: new Uint8Array(Buffer.from(file.contentBase64, 'base64')),
          source: input.data.source,
          operator: who.value,
          at,
        }),
      );
    }
    return {
      answer: ok(summary),
      operator: who.value,
      conflicts: summary.conflicts,
      pendingReview: summary.pendingReview,
    };
  }
  return refuse(
    appError(
      'NOT_IN_A_BATCH',
      'This kind of change cannot travel on a batch file; make it while connected to the hub.',
    ),
  );
}

/**
 * Who made a batch entry: the person whose hub session the station was using (its sha256 is
 * what the hub stores), if that session was valid when the entry was made and their role allows it.
 */
function batchActor(
  store: CountyStore,
  entry: BatchEntry,
  permission: Permission,
  source: ReportSource,
): Result<string, AppError> {
  if (!entry.sessionHash) {
    if (countOperators(store) === 0 && entry.operator) return ok(entry.operator);
    return appError('NOT_SIGNED_IN', 'An entry in the batch was made without anyone signed in at the station.');
  }
  const session = findSession(store, entry.sessionHash);
  const operator = session ? findOperatorById(store, session.operatorId) : null;
  if (!session || !operator) {
    return appError('NOT_SIGNED_IN', 'An entry in the batch was made under a sign-in this hub does not know.');
  }
  if (session.expiresAt <= entry.queuedAt || (session.endedAt !== null && session.endedAt <= entry.queuedAt)) {
    return appError('SESSION_EXPIRED', `${operator.name}’s sign-in had ended when an entry in the batch was made.`);
  }
  if (!roleMay(operator.role, permission)) {
    return appError('NOT_ALLOWED', `${operator.name} may not make one of the changes in the batch.`);
  }
  if (!roleMayRecord(operator.role, source)) return appError('NOT_ALLOWED', mayNotRecord(operator.name, source));
  return ok(operator.name);
}

/** Station batches as a kind of file intake reads: added when the program is wired together (createApi, `tallyroom import`). */
export const STATION_BATCH_FILE_KIND: AddedFileKind = {
  kind: 'station-batch',
  extension: STATION_BATCH_EXTENSION,
  ingest: importStationBatch,
  inspect: inspectStationBatch,
};

export function addStationBatchFileKind(): void {
  addFileKind(STATION_BATCH_FILE_KIND);
}
