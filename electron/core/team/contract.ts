/**
 * Team mode (docs/TEAM.md): the contract between the team core (electron/core/team) and its users —
 * the UI, the serve harness, the Electron shell, the CLI and the tests. Additive changes only.
 *
 * The picture (docs/TEAM.md):
 * - The chair's Tallyroom is the HUB: `createTeamHub` + `createApi({ ..., team: hub })` +
 *   `startHub(...)` serve the SAME API object over HTTPS on the office network (self-signed
 *   certificate, made once, kept in the data folder).
 * - Another laptop is a STATION: `createStationApi({ dataDir })` returns an `Api` (the same
 *   interface the UI already uses) that signs operators in at the hub, reads from the hub, and
 *   writes every change first to a durable local outbox, then delivers it to the hub exactly once.
 * - Pairing: the chair asks for a one-time code (`createPairingCode`), the station enters it
 *   (`pairWithHub`); the hub's certificate is pinned from then on.
 * - No network: `exportStationBatch` gives a signed batch file; the hub imports it through the
 *   normal intake (`importFiles`, file kind `station-batch`, extension `.tallyroom-batch`).
 *
 * API methods (in API_METHODS, validated by zod like every other method):
 *   getTeamStatus({})                                   -> TeamStatus          (hub, station, standalone)
 *   createPairingCode({ session })                      -> PairingCodeView     (hub, chair only)
 *   listStations({})                                    -> readonly StationView[]   (hub)
 *   revokeStation({ session, stationId, reason })       -> StationView         (hub, chair only)
 *   openPrecinct({ session, precinct, purpose? })       -> PrecinctOpenView    (hub and station)
 *   closePrecinct({ session, precinct })                -> null                (hub and station)
 *   listPrecinctLeases({})                              -> readonly PrecinctLease[] (hub and station)
 *   pairWithHub({ hubUrl, code, stationName })          -> StationStatus       (station only)
 *   exportStationBatch({ session? })                    -> StationBatchFile    (station only)
 * On a station, `submitWorksheet` may answer `queued` (SubmittedReport.queued, see QueuedNote)
 * when the hub cannot be reached; the entry is safe in the outbox and is sent when the hub is back.
 */
import type { AppError } from '../result';
import type { CountyStore } from '../store/county-store';

/** Version of the station <-> hub protocol (in every URL: /team/v1/...). */
export const TEAM_PROTOCOL_VERSION = 1;

/** Default TCP port of the hub (any free port may be given). */
export { DEFAULT_HUB_PORT } from '../model/team-mode';

/** Where the file kind of a signed station batch is told from (intake/file-kind.ts). */
export const STATION_BATCH_EXTENSION = '.tallyroom-batch';

/**
 * Stable error codes of team mode. Every error also carries a sentence for the person at the
 * laptop; the UI shows `message`, and may branch on `code`.
 */
export const TEAM_ERROR_CODES = [
  /** Team methods on a laptop that is neither hub nor station, or a hub whose server is not running. */
  'HUB_NOT_RUNNING',
  /** A station-only method (pairWithHub, exportStationBatch) called on the hub or a standalone laptop. */
  'NOT_A_STATION',
  /** A hub-only method called on a station. */
  'NOT_THE_HUB',
  /** The station has not been paired with a hub yet. */
  'NOT_PAIRED',
  /** pairWithHub on a station that already is paired (a station pairs once; make a new data folder to re-pair). */
  'ALREADY_PAIRED',
  /** The code was mistyped, has expired, or was used already (the hub cannot tell which, on purpose). */
  'PAIRING_CODE_REFUSED',
  /** Too many wrong codes: every open code was cancelled; the chair makes a new one. */
  'PAIRING_LOCKED',
  /** During pairing the other side could not prove it knows the code: not our hub (or someone in between). */
  'HUB_NOT_GENUINE',
  /** The hub presents a certificate other than the one pinned at pairing. Nothing was sent. */
  'HUB_CERT_MISMATCH',
  /** The hub cannot be reached (network down, hub closed). Reads fail with this; changes are queued. */
  'HUB_UNREACHABLE',
  /** The chair revoked this station: its requests and batches are refused. */
  'STATION_REVOKED',
  /** The station's credentials are not known to this hub (another county's hub, or a forged station). */
  'STATION_UNKNOWN',
  /** The method cannot be called from a station (county set-up, pairing, revoking: at the hub only). */
  'NOT_ALLOWED_FROM_STATION',
  /** revokeStation / a lease naming a station id the hub does not know. */
  'UNKNOWN_STATION',
  /** A batch file that is not a well-formed station batch. */
  'BATCH_MALFORMED',
  /** A batch whose signature does not match the paired station's key (altered or forged). */
  'BATCH_SIGNATURE_INVALID',
  /** A batch from a station this hub never paired. */
  'BATCH_UNKNOWN_STATION',
  /** A batch from a station the chair revoked. */
  'BATCH_STATION_REVOKED',
  /** Reserved: a batch made for another hub. (Today such a batch names a station this hub never paired: BATCH_UNKNOWN_STATION.) */
  'BATCH_OTHER_HUB',
  /** A well-signed batch none of whose new entries the hub could store (each refusal is recorded). */
  'BATCH_ENTRIES_REFUSED',
  /** exportStationBatch with an empty outbox. */
  'NOTHING_TO_EXPORT',
  /** Drive methods on a station: a station adds a stick's files with Import files (importFiles). */
  'NOT_ON_A_STATION',
  /** The station's data folder cannot be opened (createStationApi). */
  'STATION_DATA_UNREADABLE',
] as const;
export type TeamErrorCode = (typeof TEAM_ERROR_CODES)[number];

// ---- Views returned by the team API methods ----

/** What the hub's server is listening on. */
export interface HubInfo {
  /** Addresses a station can type, e.g. "https://192.168.1.20:7443" (every non-internal IPv4, else loopback). */
  readonly urls: readonly string[];
  readonly port: number;
  /** SHA-256 of the hub certificate (DER), as "AB:CD:..." (Node's fingerprint256 format). */
  readonly fingerprint: string;
  readonly startedAt: string;
}

export type TeamStatus =
  | { readonly mode: 'standalone' }
  /** `hub` is null while the hub state exists but its server is not listening. */
  | { readonly mode: 'hub'; readonly hub: HubInfo | null; readonly stations: readonly StationView[] }
  | { readonly mode: 'station'; readonly station: StationStatus };

/** A one-time pairing code, shown on the hub's screen as text and QR. */
export interface PairingCodeView {
  /** Ten characters as two groups, e.g. "7KQ2M-XW4PD" (Crockford base32: no I, L, O, U; case and dashes ignored). */
  readonly code: string;
  readonly expiresAt: string;
  readonly hubUrls: readonly string[];
  readonly fingerprint: string;
  /** What the QR encodes: "tallyroom-pair:v1?hub=<url>&code=<code>&fp=<fingerprint hex>". */
  readonly qrText: string;
  /** The QR as a PNG data URL (the CSP allows img-src data:). */
  readonly qrDataUrl: string;
  /** The QR as SVG markup. */
  readonly qrSvg: string;
}

/** A paired station as the hub sees it: the per-station progress on the chair's screen. */
export interface StationView {
  /** Short id given at pairing, e.g. "st-3f9a2c71". */
  readonly id: string;
  /** The name typed at pairing ("Table 2 laptop"). */
  readonly name: string;
  readonly pairedAt: string;
  /** The chair who made the code the station used. */
  readonly pairedBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  /** Last request or heartbeat from the station (null: not seen since the hub started and never delivered). */
  readonly lastSeenAt: string | null;
  /** Seen within the last minute. */
  readonly online: boolean;
  /** The operator signed in there at its last heartbeat or change. */
  readonly operator: string | null;
  /** Reports the hub stored from this station (network and USB batches). */
  readonly entriesReceived: number;
  /** Changes waiting in the station's outbox, as it last reported (null: not reported yet). */
  readonly queued: number | null;
  /** Precincts open there now (leases). */
  readonly openPrecincts: readonly string[];
}

/** Why a precinct is open at a station: plain entry, or the blind second entry the chair assigned. */
export type LeasePurpose = 'entry' | 'second-entry';

/** "Precinct 12 is open on Table 2 laptop by Ann": renewed by heartbeat, gone when it expires. */
export interface PrecinctLease {
  readonly precinct: string;
  /** null: opened on the hub laptop itself. */
  readonly stationId: string | null;
  /** The station's name, or "Hub" for the hub laptop. */
  readonly stationName: string;
  readonly operator: string;
  readonly purpose: LeasePurpose;
  readonly openedAt: string;
  readonly expiresAt: string;
}

export interface PrecinctOpenView {
  /** The lease just taken (or renewed). */
  readonly lease: PrecinctLease;
  /**
   * Others who have the same precinct open right now: the UI warns ("Ann on Table 2 is keying
   * this sheet"), unless the purposes differ on purpose (entry + second-entry).
   */
  readonly alsoOpen: readonly PrecinctLease[];
}

/** An outbox entry the hub refused after it was queued (e.g. a sign-in that expired meanwhile). */
export interface RefusedEntry {
  readonly requestId: string;
  readonly method: string;
  readonly precinct: string | null;
  readonly queuedAt: string;
  readonly error: AppError;
}

/** The station's own state: pairing, connection, outbox. */
export interface StationStatus {
  readonly paired: boolean;
  readonly stationId: string | null;
  readonly stationName: string | null;
  readonly hubUrl: string | null;
  readonly hubFingerprint: string | null;
  /** The chair revoked this station: the hub refuses everything from it (entries stay in the outbox). */
  readonly revoked: boolean;
  /** The last request to the hub got through. */
  readonly connected: boolean;
  readonly lastContactAt: string | null;
  /** Changes in the outbox not yet delivered. */
  readonly queued: number;
  /** Changes delivered (answered by the hub) since pairing. */
  readonly delivered: number;
  readonly refused: readonly RefusedEntry[];
  /** The last reason the hub could not be reached, as a sentence (null when connected). */
  readonly lastError: string | null;
}

/** On a station, a change the hub could not be reached for: kept in the outbox, sent later. */
export type { QueuedNote } from '../model/report';

/** A signed batch file for a USB stick (save it as `fileName`; the hub imports it like any file). */
export interface StationBatchFile {
  readonly fileName: string;
  readonly mediaType: 'application/json';
  readonly contentBase64: string;
  /** Entries in the batch (every change in the outbox, delivered or not: the hub skips ones it has). */
  readonly entries: number;
}

// ---- Functions (implemented in ./index.ts) ----

/** Everything the hub keeps for team mode: pairing codes, stations, leases, presence. */
export interface TeamHub {
  readonly store: CountyStore;
  readonly dataDir: string;
  /** Where the server listens, once `startHub` has run; null otherwise. */
  info(): HubInfo | null;
}

export interface CreateTeamHubOptions {
  readonly store: CountyStore;
  /** Folder for the hub certificate and key (key file mode 0600). Created if missing. */
  readonly dataDir: string;
  readonly clock?: () => Date;
}

/** `const hub = createTeamHub({ store, dataDir }); const api = createApi({ store, resourcesDir, team: hub });` */
export type CreateTeamHub = (options: CreateTeamHubOptions) => TeamHub;

export interface RunningHub extends HubInfo {
  close(): Promise<void>;
}

export interface StationOptions {
  /** The station's own folder: station.db (outbox, pairing, pinned certificate, batch signing key). */
  readonly dataDir: string;
  readonly clock?: () => Date;
  /** How long one request to the hub may take before the hub counts as unreachable (default 5000 ms). */
  readonly requestTimeoutMs?: number;
  /** How often queued changes are retried and a heartbeat sent (default 2000 ms). */
  readonly retryIntervalMs?: number;
}
