/**
 * The API's types, read from the method table: a method per name, one input object each, a Result
 * back. The IPC bridge, the HTTP harness, the station and in-process callers all have exactly `Api`.
 * Only types here: the renderer imports this file and gets no zod and no domain code.
 */
import type { z } from 'zod';
import type { Ok, Result } from '../result';
import type { MethodTable } from './method-table';
import type { ApiMethodName } from './methods';

export type { ApiMethodName } from './methods';

/** Inputs are read-only to callers, so readonly arrays from the UI are accepted as they are. */
export type ApiInput<M extends ApiMethodName> = DeepReadonly<z.input<MethodTable[M]['input']>>;
/** What a handler receives: the input after its schema (defaults filled in). */
export type ApiParsedInput<M extends ApiMethodName> = z.output<MethodTable[M]['input']>;

/** What each API method returns on success: its handler's value. */
export type ApiOutputs = { [M in ApiMethodName]: OutputOf<MethodTable[M]> };

export type Api = {
  readonly [M in ApiMethodName]: (input: ApiInput<M>) => Promise<Result<ApiOutputs[M]>>;
};

type OutputOf<E> = E extends { handle: (...args: never[]) => infer R } ? ValueOf<Awaited<R>> : never;
type ValueOf<R> = R extends Ok<infer V> ? V : never;
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** Output shapes the screens name, kept where their methods are declared. */
export type { DownloadableFile, DriveExportView, ExportedBundleView, SigningKeyState } from '../bundle/app-signing';
export type { BundleCheckView, StatePartyView } from '../bundle/state-party-check';
export type { ImportFilesResult } from '../intake/file-result';
export type { MailCheck } from '../mail/mailbox-monitor';
export type { ReviewReason, ScanProblemCode } from '../ocr/scan-reading';
export type { BackupStatusView } from '../settings/backup-status';
export type { MailboxStatusView } from '../settings/mailbox-status';
export type { PendingCounts } from '../settings/pending-counts';
export type { TeamHubSettingView } from '../settings/team-hub-status';
export type {
  HubInfo,
  PairingCodeView,
  PrecinctLease,
  PrecinctOpenView,
  QueuedNote,
  RefusedEntry,
  StationBatchFile,
  StationStatus,
  StationView,
  TeamStatus,
} from '../team/contract';
export type { DriveView } from '../usb/drive-service';
export type { InboxFile } from '../usb/inbox';
export type { WorksheetPdfFile } from './table/worksheets';
