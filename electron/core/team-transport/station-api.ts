/**
 * A station's API (team mode, docs/TEAM.md): the same `Api` interface the UI already uses, served
 * by the hub. Sign-in and reads go to the hub (the last answer is kept for when the hub is
 * away); entries and file imports go first to the station's outbox (a SQLite file with
 * synchronous=FULL), then to the hub in order, each under a request id the hub applies once.
 * When the hub cannot be reached, an entry is answered "queued" and sent when the hub is back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { invalidInput } from '../api/api';
import { methodEntry, methodsTreated } from '../api/method-table';
import { API_METHODS, type ApiMethodName } from '../api/methods';
import type { Api, ApiParsedInput } from '../api/types';
import { canonicalJson } from '../audit-log/canonical-json';
import { type AppError, appError, ok, type Result } from '../result';
import {
  findOutboxAnswer,
  findStationPairing,
  firstUnanswered,
  insertOutboxAnswer,
  insertOutboxEntry,
  insertStationPairing,
  lateRefusals,
  listOutbox,
  openStationDatabase,
  outboxCounts,
  readCached,
  type StationPairingRecord,
  type StationStore,
  writeCached,
} from '../store/station-records';
import type { LeasePurpose, QueuedNote, RefusedEntry, StationOptions, StationStatus } from '../team/contract';
import { buildStationBatch } from '../team/station-batch';
import { stationAuthorization } from './protocol';
import { HubClient } from './station-client';
import { pairStation } from './station-pairing';
import type { CreateStationApi, StationHandle } from './transport-contract';

/**
 * How each method is treated here is its table entry's `station` (api/define-method.ts):
 * changes that wait in the outbox when the hub is away (entries, USB and scan intake);
 */
const QUEUED_METHODS = methodsTreated('queue');

/** reads whose last answer is kept, so the station's screens still show something while the hub is away; */
const CACHED_READS = methodsTreated('cache');

/*
 * every request goes with a request id: the hub answers reads as they are, and records each change
 * under its station and operator (and the reports it made), applied once;
 */

/** removable drives, read where they are plugged in: a station adds a drive's files with Import files; */
const LOCAL_DRIVE_METHODS = methodsTreated('drive');

/** and what is done at the hub laptop only. */
const HUB_ONLY_HERE = methodsTreated('hub-only');

const HUB_ONLY =
  'This is done on the hub (the chair’s laptop). This laptop is a station: it sends its entries to the hub.';

/** Failures of the way to the hub, not answers of the hub: the change stays queued. */
const TRANSPORT_FAILURES = new Set(['HUB_UNREACHABLE', 'HUB_CERT_MISMATCH', 'STATION_REVOKED', 'STATION_UNKNOWN']);

type Call = (input: unknown) => Promise<Result<unknown, AppError>>;

export const createStationApi: CreateStationApi = (options) => {
  let db: StationStore;
  try {
    db = openStationDatabase(options.dataDir);
  } catch (error) {
    return appError(
      'STATION_DATA_UNREADABLE',
      `The station's data folder ${options.dataDir} cannot be opened: ${(error as Error).message}`,
    );
  }
  return ok(new Station(db, options).handle());
};

class Station {
  private readonly clock: () => Date;
  private readonly timeoutMs: number;
  private pairing: StationPairingRecord | null;
  private client: HubClient | null = null;
  private connected = false;
  private revoked = false;
  private lastContactAt: string | null = null;
  private lastError: string | null = null;
  private lastErrorCode: string | null = null;
  private pumping: Promise<void> | null = null;
  /** Outbox entries whose submitter is still waiting for the answer (not yet told "queued"). */
  private readonly waiting = new Set<number>();
  /** Who each session token belongs to, learnt from the hub's sign-in answers. */
  private readonly sessions = new Map<string, string>();
  private currentOperator: string | null = null;
  private readonly open = new Map<string, { purpose: LeasePurpose; operator: string; session: string }>();
  private readonly cacheSeen = new Map<string, string>();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly db: StationStore,
    options: StationOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.timeoutMs = options.requestTimeoutMs ?? 5000;
    this.pairing = findStationPairing(db);
    if (this.pairing) this.client = this.clientFor(this.pairing);
    this.timer = setInterval(() => void this.tick(), options.retryIntervalMs ?? 2000);
    this.timer.unref();
  }

  handle(): StationHandle {
    return {
      api: this.api(),
      status: () => this.status(),
      flush: async () => {
        await this.pump();
        return this.status();
      },
      close: async () => {
        this.closed = true;
        clearInterval(this.timer);
        await this.pumping;
        this.client?.close();
        this.db.close();
      },
    };
  }

  private clientFor(pairing: StationPairingRecord): HubClient {
    return new HubClient(
      { url: pairing.hubUrl, fingerprint: pairing.hubFingerprint, certPem: pairing.hubCertPem },
      stationAuthorization(pairing.stationId, pairing.token),
      this.timeoutMs,
    );
  }

  status(): StationStatus {
    const counts = outboxCounts(this.db);
    return {
      paired: this.pairing !== null,
      stationId: this.pairing?.stationId ?? null,
      stationName: this.pairing?.stationName ?? null,
      hubUrl: this.pairing?.hubUrl ?? null,
      hubFingerprint: this.pairing?.hubFingerprint ?? null,
      revoked: this.revoked,
      connected: this.connected,
      lastContactAt: this.lastContactAt,
      queued: counts.queued,
      delivered: counts.delivered,
      refused: lateRefusals(this.db).map(
        (entry): RefusedEntry => ({
          requestId: entry.requestId,
          method: entry.method,
          precinct: entry.precinct,
          queuedAt: entry.queuedAt,
          error: (JSON.parse(entry.response) as { error: AppError }).error,
        }),
      ),
      lastError: this.connected ? null : this.lastError,
    };
  }

  private api(): Api {
    const local: Partial<Record<ApiMethodName, Call>> = {
      getTeamStatus: async () => ok({ mode: 'station', station: this.status() }),
      pairWithHub: (input) => this.pair(input as ApiParsedInput<'pairWithHub'>),
      exportStationBatch: async () => this.exportBatch(),
    };
    // The table says which methods a station answers itself; each must have its answer here.
    const unanswered = [...methodsTreated('station')].filter((method) => !local[method]);
    if (unanswered.length > 0) throw new Error(`station-api: no station answer for ${unanswered.join(', ')}`);
    const api = {} as Record<ApiMethodName, Call>;
    for (const method of API_METHODS) {
      api[method] = async (raw: unknown) => {
        const parsed = methodEntry(method).input.safeParse(raw ?? {});
        if (!parsed.success) return invalidInput(method, parsed.error);
        const handler = local[method];
        if (handler) return handler(parsed.data);
        if (HUB_ONLY_HERE.has(method)) return appError('NOT_THE_HUB', HUB_ONLY);
        if (LOCAL_DRIVE_METHODS.has(method)) {
          return appError(
            'NOT_ON_A_STATION',
            'On a station, add the files from a USB stick with Import files: they are sent to the hub from there.',
          );
        }
        if (!this.pairing || !this.client) {
          return appError(
            'NOT_PAIRED',
            'This station is not paired with a hub yet. Ask the chair for a pairing code and enter it here.',
          );
        }
        if (QUEUED_METHODS.has(method)) return this.change(method, raw ?? {}, parsed.data);
        return this.forward(method, raw ?? {}, parsed.data);
      };
    }
    return Object.freeze(api) as unknown as Api;
  }

  // ---- Reads and changes that need the hub now ----

  private async forward(method: ApiMethodName, raw: unknown, parsed: unknown): Promise<Result<unknown, AppError>> {
    const answer = await this.call(method, { requestId: randomBytes(16).toString('base64url'), input: raw });
    if (answer.ok) this.learn(method, parsed, answer.value);
    // The hub is back: whatever waited in the outbox goes now, not at the next tick.
    if (this.connected && !this.pumping && firstUnanswered(this.db)) void this.pump();
    if (method === 'openPrecinct' || method === 'closePrecinct') this.trackLease(method, parsed, answer.ok);
    if (!CACHED_READS.has(method)) return answer;
    const key = `${method}:${createHash('sha256').update(canonicalJson(parsed)).digest('hex')}`;
    if (answer.ok) {
      const text = JSON.stringify(answer.value);
      if (this.cacheSeen.get(key) !== text) {
        writeCached(this.db, key, text, this.clock().toISOString());
        this.cacheSeen.set(key, text);
      }
      return answer;
    }
    if (answer.error.code === 'HUB_UNREACHABLE') {
      const cached = readCached(this.db, key);
      if (cached !== null) return ok(JSON.parse(cached));
    }
    return answer;
  }

  /** Who is signed in here, from the hub's own answers (for batches and the hub's progress view). */
  private learn(method: ApiMethodName, parsed: unknown, value: unknown): void {
    const fields = parsed as { session?: string };
    if (method === 'signIn' || method === 'signUpChair') {
      const session = value as { session: string; name: string };
      this.sessions.set(session.session, session.name);
      this.currentOperator = session.name;
    } else if (method === 'getSession' && fields.session) {
      const who = value as { name: string };
      this.sessions.set(fields.session, who.name);
      this.currentOperator = who.name;
    } else if (method === 'signOut' && fields.session) {
      this.sessions.delete(fields.session);
      this.currentOperator = null;
      for (const [precinct, lease] of this.open) if (lease.session === fields.session) this.open.delete(precinct);
    }
  }

  private trackLease(method: 'openPrecinct' | 'closePrecinct', parsed: unknown, succeeded: boolean): void {
    const input = parsed as { precinct: string; session: string; purpose?: LeasePurpose };
    if (method === 'closePrecinct') {
      this.open.delete(input.precinct);
    } else if (succeeded) {
      const operator = this.sessions.get(input.session) ?? this.currentOperator ?? '';
      this.open.set(input.precinct, { purpose: input.purpose ?? 'entry', operator, session: input.session });
    }
  }

  // ---- Changes: outbox first ----

  private async change(method: ApiMethodName, raw: unknown, parsed: unknown): Promise<Result<unknown, AppError>> {
    // A revoked station keeps nothing for a hub that will refuse it: the person hears it now.
    if (this.revoked) return appError('STATION_REVOKED', this.revokedMessage());
    const input = raw as { session?: unknown; precinct?: unknown };
    const session = typeof input.session === 'string' ? input.session : null;
    const requestId = randomBytes(16).toString('base64url');
    const queuedAt = this.clock().toISOString();
    const seq = insertOutboxEntry(this.db, {
      requestId,
      method,
      input: JSON.stringify(raw),
      operator: session ? (this.sessions.get(session) ?? null) : ((parsed as { operator?: string }).operator ?? null),
      sessionHash: session ? createHash('sha256').update(session).digest('hex') : null,
      precinct: typeof input.precinct === 'string' ? input.precinct : null,
      queuedAt,
    });
    this.waiting.add(seq);
    try {
      // Known to be away: answer at once, the timer keeps trying. Otherwise wait for this entry's turn.
      if (this.connected || this.lastContactAt === null) {
        await this.pump();
        if (!findOutboxAnswer(this.db, seq) && this.connected) await this.pump();
      } else {
        void this.pump();
      }
      const answer = findOutboxAnswer(this.db, seq);
      if (answer) return JSON.parse(answer.response) as Result<unknown, AppError>;
      if (this.revoked) return appError('STATION_REVOKED', this.revokedMessage());
      if (this.lastErrorCode === 'HUB_CERT_MISMATCH') {
        return appError(
          'HUB_CERT_MISMATCH',
          `${this.lastError ?? ''} Your entry is kept on this laptop and will be sent only to the hub this station paired with.`,
        );
      }
    } finally {
      this.waiting.delete(seq);
    }
    return ok(queuedAnswer(method, { requestId, queuedAt, message: this.queuedMessage() }));
  }

  private queuedMessage(): string {
    return 'Saved on this laptop; it will be sent to the hub when the hub is back.';
  }

  private revokedMessage(): string {
    return 'The chair revoked this station: the hub no longer accepts its entries. Use another station, or ask the chair.';
  }

  /** Delivers the outbox in order until it is empty or the hub cannot be reached. One delivery at a time. */
  private pump(): Promise<void> {
    if (!this.pumping) {
      this.pumping = this.drain().finally(() => {
        this.pumping = null;
      });
    }
    return this.pumping;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const entry = firstUnanswered(this.db);
      if (!entry) return;
      const answer = await this.call(entry.method as ApiMethodName, {
        requestId: entry.requestId,
        input: JSON.parse(entry.input),
      });
      if (!answer.ok && TRANSPORT_FAILURES.has(answer.error.code)) return;
      if (this.closed) return;
      insertOutboxAnswer(this.db, {
        seq: entry.seq,
        answeredAt: this.clock().toISOString(),
        ok: answer.ok,
        late: !this.waiting.has(entry.seq),
        response: JSON.stringify(answer),
      });
    }
  }

  /** One request to the hub; keeps the connection state the status shows. */
  private async call(method: ApiMethodName, body: { requestId: string; input: unknown }): Promise<Result<unknown>> {
    const client = this.client;
    if (!client) return appError('NOT_PAIRED', 'This station is not paired with a hub yet.');
    const answer = await client.post(`api/${method}`, body);
    this.noteContact(answer.answered, answer.result);
    return answer.result;
  }

  private noteContact(answered: boolean, result: Result<unknown, AppError>): void {
    if (answered && (result.ok || result.error.code !== 'STATION_REVOKED')) {
      this.connected = true;
      this.revoked = false;
      this.lastContactAt = this.clock().toISOString();
      this.lastError = null;
      this.lastErrorCode = null;
      return;
    }
    this.connected = false;
    if (!result.ok) {
      this.lastError = result.error.message;
      this.lastErrorCode = result.error.code;
      if (result.error.code === 'STATION_REVOKED') {
        this.revoked = true;
        this.lastContactAt = this.clock().toISOString();
      }
    }
  }

  private async tick(): Promise<void> {
    if (this.closed || !this.client || this.pumping) return;
    const answer = await this.client.post('heartbeat', {
      queued: outboxCounts(this.db).queued,
      operator: this.currentOperator,
      open: [...this.open].map(([precinct, lease]) => ({ precinct, purpose: lease.purpose, operator: lease.operator })),
    });
    this.noteContact(answer.answered, answer.result);
    if (this.connected && firstUnanswered(this.db)) await this.pump();
  }

  // ---- Pairing and batches ----

  private async pair(input: ApiParsedInput<'pairWithHub'>): Promise<Result<StationStatus, AppError>> {
    if (this.pairing) {
      return appError(
        'ALREADY_PAIRED',
        `This station is already paired with the hub at ${this.pairing.hubUrl}. To pair with another hub, start the station with a new data folder.`,
      );
    }
    const paired = await pairStation(input, this.timeoutMs, this.clock());
    if (!paired.ok) return paired;
    insertStationPairing(this.db, paired.value);
    this.pairing = paired.value;
    this.client = this.clientFor(paired.value);
    this.connected = true;
    this.lastContactAt = this.clock().toISOString();
    return ok(this.status());
  }

  private exportBatch(): Result<ReturnType<typeof buildStationBatch>, AppError> {
    if (!this.pairing) {
      return appError('NOT_PAIRED', 'This station is not paired with a hub, so the hub would not accept its batch.');
    }
    const entries = listOutbox(this.db);
    if (entries.length === 0) return appError('NOTHING_TO_EXPORT', 'There are no entries on this station to export.');
    return ok(buildStationBatch(this.pairing, entries, this.clock()));
  }
}

/** The answer of a queued change, in the shape the method returns, marked `queued`. */
function queuedAnswer(method: ApiMethodName, queued: QueuedNote): unknown {
  if (method === 'importFiles') {
    return {
      imported: 0,
      duplicates: 0,
      conflicts: 0,
      rejected: [],
      pendingReview: 0,
      files: [],
      queued,
    };
  }
  return { reportId: 0, status: 'received', findings: [], queued };
}
