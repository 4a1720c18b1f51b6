/**
 * What the hub keeps for team mode: pairing codes (in memory; only their hashes on disk), the
 * paired stations (database), who is where (presence and precinct leases, in memory: they
 * expire anyway), and the delivery of station requests through the hub's one API, exactly once.
 */
import { createHash, createPublicKey, randomBytes, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { currentOperator, operatorWhoMay } from '../operators/sessions';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { endSession } from '../store/operator-records';
import {
  endPairingCode,
  findDeliveredRequest,
  findPairingCode,
  findStation,
  insertDeliveredRequest,
  insertPairingCode,
  insertReportOrigin,
  insertRevocation,
  insertStation,
  lastDeliveryByStation,
  lastReportId,
  listStations,
  reportCountsByStation,
  reportsSince,
  type StationRecord,
} from '../store/team-records';
import type {
  HubInfo,
  LeasePurpose,
  PairingCodeView,
  PrecinctLease,
  PrecinctOpenView,
  StationView,
  TeamHub,
  TeamStatus,
} from './contract';
import {
  hubProof,
  newNonce,
  newPairingCode,
  normalizePairingCode,
  PAIRING_CODE_MINUTES,
  type PairingTranscript,
  pairingCodeHash,
  pairingKey,
  proofsEqual,
  stationProof,
} from './pairing-code';
import { pairingQrText } from './pairing-qr';

/** A lease outlives a few missed heartbeats, then the precinct shows as free again. */
export const LEASE_SECONDS = 90;
/** "Online": seen within this many seconds. */
const ONLINE_SECONDS = 60;
/**
 * Wrong codes one client (network address) may send in a window before it is paused; the chair's
 * open codes stay open, so junk from one machine cannot stop a station pairing (guessing 50 bits
 * online is hopeless anyway).
 */
const WRONG_CODES_BEFORE_LOCK = 5;
const WRONG_CODE_WINDOW_MS = 15 * 60_000;
const CLIENT_PAUSE_MS = 5 * 60_000;
const HUB_NONCE_SECONDS = 120;

interface OpenCode {
  readonly id: number;
  readonly key: Buffer;
  readonly expiresAt: number;
  readonly createdBy: string;
}

interface Presence {
  lastSeenAt: string;
  operator: string | null;
  queued: number | null;
}

export interface PairRequest {
  readonly stationNonce: string;
  readonly hubNonce: string;
  readonly stationName: string;
  readonly publicKey: string;
  readonly proof: string;
}

export interface PairAnswer {
  readonly stationId: string;
  readonly token: string;
  readonly hubProof: string;
  readonly county: string | null;
}

export interface HeartbeatReport {
  readonly queued: number;
  readonly operator: string | null;
  readonly open: readonly { readonly precinct: string; readonly purpose: LeasePurpose; readonly operator: string }[];
}

export class HubState implements TeamHub {
  private running: HubInfo | null = null;
  private readonly codes = new Map<number, OpenCode>();
  private readonly hubNonces = new Map<string, number>();
  private readonly wrongCodes = new Map<string, number[]>();
  private readonly presence = new Map<string, Presence>();
  /** Sessions opened through a station (sha256 of the token -> station id): revoking the station ends them. */
  private readonly stationSessions = new Map<string, string>();
  private readonly leases = new Map<string, PrecinctLease>();
  /** Station changes are applied one at a time: each is one transaction with its request record. */
  private deliveries: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: CountyStore,
    readonly dataDir: string,
    readonly clock: () => Date = () => new Date(),
  ) {}

  info(): HubInfo | null {
    return this.running;
  }

  setRunning(info: HubInfo | null): void {
    this.running = info;
  }

  status(now: Date): TeamStatus {
    return { mode: 'hub', hub: this.running, stations: this.listStations(now) };
  }

  // ---- Pairing ----

  async createPairingCode(session: string, now: Date): Promise<Result<PairingCodeView, AppError>> {
    const chair = operatorWhoMay(this.store, session, 'manage-operators', now);
    if (!chair.ok) return chair;
    const running = this.running;
    if (!running) {
      return appError('HUB_NOT_RUNNING', 'The hub is not listening on the network yet, so no station could pair.');
    }
    const code = newPairingCode();
    const normalized = normalizePairingCode(code) as string;
    const createdAt = now.toISOString();
    const expires = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000);
    const saved = this.store.transaction<number, AppError>(() => {
      const id = insertPairingCode(this.store, {
        codeHash: pairingCodeHash(normalized),
        createdAt,
        expiresAt: expires.toISOString(),
        createdBy: chair.value.name,
      });
      this.store.appendAudit({
        at: createdAt,
        operator: chair.value.name,
        action: 'team.pairing-code-created',
        payload: { codeId: id, expiresAt: expires.toISOString() },
      });
      return ok(id);
    });
    if (!saved.ok) return saved;
    this.codes.set(saved.value, {
      id: saved.value,
      key: pairingKey(normalized),
      expiresAt: expires.getTime(),
      createdBy: chair.value.name,
    });
    const qrText = pairingQrText(running.urls[0] ?? '', code, running.fingerprint);
    return ok({
      code,
      expiresAt: expires.toISOString(),
      hubUrls: running.urls,
      fingerprint: running.fingerprint,
      qrText,
      qrDataUrl: await QRCode.toDataURL(qrText, { errorCorrectionLevel: 'M', margin: 2, scale: 6 }),
      qrSvg: await QRCode.toString(qrText, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    });
  }

  pairChallenge(now: Date): { hubNonce: string } {
    for (const [nonce, expires] of this.hubNonces) if (expires <= now.getTime()) this.hubNonces.delete(nonce);
    const hubNonce = newNonce();
    this.hubNonces.set(hubNonce, now.getTime() + HUB_NONCE_SECONDS * 1000);
    return { hubNonce };
  }

  pairComplete(request: PairRequest, now: Date, client = 'unknown'): Result<PairAnswer, AppError> {
    if (this.clientPaused(client, now)) return clientLocked();
    const running = this.running;
    if (!running) return appError('HUB_NOT_RUNNING', 'The hub is not listening on the network.');
    const nonceExpires = this.hubNonces.get(request.hubNonce);
    this.hubNonces.delete(request.hubNonce);
    if (nonceExpires === undefined || nonceExpires <= now.getTime()) {
      return appError('PAIRING_CODE_REFUSED', 'The pairing took too long. Type the code again.');
    }
    if (!isEd25519PublicKey(request.publicKey)) {
      return appError('INVALID_INPUT', 'The station sent a signing key that is not an Ed25519 public key.');
    }
    const parts: PairingTranscript = {
      fingerprint: running.fingerprint,
      stationNonce: request.stationNonce,
      hubNonce: request.hubNonce,
      stationName: request.stationName,
      publicKey: request.publicKey,
    };
    const at = now.toISOString();
    this.dropExpiredCodes(now);
    const match = [...this.codes.values()].find((code) => proofsEqual(stationProof(code.key, parts), request.proof));
    if (!match) return this.refuseCode(client, now);
    const record = findPairingCode(this.store, match.id);
    this.codes.delete(match.id);
    if (!record || record.endedAt !== null) return this.refuseCode(client, now);
    const stationId = `st-${randomBytes(4).toString('hex')}`;
    const token = randomBytes(32).toString('base64url');
    const saved = this.store.transaction<null, AppError>(() => {
      insertStation(this.store, {
        id: stationId,
        name: request.stationName,
        tokenHash: sha256(token),
        publicKey: request.publicKey,
        pairedAt: at,
        pairedBy: match.createdBy,
        codeId: match.id,
      });
      endPairingCode(this.store, match.id, at, 'paired');
      this.store.appendAudit({
        at,
        operator: match.createdBy,
        action: 'team.station-paired',
        payload: { station: stationId, name: request.stationName, codeId: match.id, publicKey: request.publicKey },
      });
      return ok(null);
    });
    if (!saved.ok) return saved;
    this.wrongCodes.delete(client);
    return ok({
      stationId,
      token,
      hubProof: hubProof(match.key, parts, stationId),
      county: this.store.getElection()?.county ?? null,
    });
  }

  private dropExpiredCodes(now: Date): void {
    for (const [id, code] of this.codes) {
      if (code.expiresAt <= now.getTime()) this.codes.delete(id);
    }
  }

  /** Wrong codes from this client in the window, if they have reached the limit and the pause is not over. */
  private clientPaused(client: string, now: Date): boolean {
    const recent = (this.wrongCodes.get(client) ?? []).filter((time) => time > now.getTime() - WRONG_CODE_WINDOW_MS);
    this.wrongCodes.set(client, recent);
    const newest = recent[recent.length - 1];
    return recent.length >= WRONG_CODES_BEFORE_LOCK && newest !== undefined && newest + CLIENT_PAUSE_MS > now.getTime();
  }

  /** Counts a wrong code against the client; the one that reaches the limit pauses it, in the audit log for the chair. */
  private refuseCode(client: string, now: Date): Result<never, AppError> {
    const recent = [...(this.wrongCodes.get(client) ?? []), now.getTime()];
    this.wrongCodes.set(client, recent);
    if (!this.clientPaused(client, now)) {
      return appError(
        'PAIRING_CODE_REFUSED',
        'That code was not accepted: it may be mistyped, expired (codes last ' +
          `${PAIRING_CODE_MINUTES} minutes) or already used. Check it, or ask the chair for a new code.`,
      );
    }
    this.store.transaction(() => {
      this.store.appendAudit({
        at: now.toISOString(),
        operator: 'system',
        action: 'team.pairing-client-paused',
        payload: { client, failures: WRONG_CODES_BEFORE_LOCK, minutes: CLIENT_PAUSE_MS / 60_000 },
      });
      return ok(null);
    });
    return clientLocked();
  }

  /** A sign-in made through a station: the session belongs to that station and dies with it. */
  bindSession(token: string, stationId: string): void {
    this.stationSessions.set(sha256(token), stationId);
  }

  // ---- Stations ----

  /** The station behind a request's credentials, if it may still talk to the hub. */
  authenticate(authorization: string | undefined, now: Date): Result<StationRecord, AppError> {
    const match = /^Station (st-[0-9a-f]{8})\.([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '');
    const unknown = () =>
      appError('STATION_UNKNOWN', 'This hub does not know this station. Pair the station with the hub again.');
    if (!match) return unknown();
    const station = findStation(this.store, match[1] as string);
    if (!station) return unknown();
    const given = Buffer.from(sha256(match[2] as string), 'hex');
    if (!timingSafeEqual(given, Buffer.from(station.tokenHash, 'hex'))) return unknown();
    if (station.revokedAt !== null) {
      return appError(
        'STATION_REVOKED',
        `The chair revoked this station (${station.name}) at ${station.revokedAt}; the hub no longer accepts its entries.`,
      );
    }
    this.seen(station.id, now);
    return ok(station);
  }

  private seen(stationId: string, now: Date): Presence {
    const presence = this.presence.get(stationId) ?? { lastSeenAt: now.toISOString(), operator: null, queued: null };
    presence.lastSeenAt = now.toISOString();
    this.presence.set(stationId, presence);
    return presence;
  }

  heartbeat(station: StationRecord, report: HeartbeatReport, now: Date): void {
    const presence = this.seen(station.id, now);
    presence.queued = report.queued;
    presence.operator = report.operator;
    // Renew only: a heartbeat may have left the station before an openPrecinct that arrives first,
    // so a precinct missing from it is not closed; it is closed explicitly or expires.
    for (const open of report.open) {
      const key = leaseKey(open.precinct, station.id);
      const held = this.leases.get(key);
      if (!held || !this.store.findPrecinct(open.precinct)) continue;
      this.leases.set(key, { ...held, expiresAt: leaseExpiry(now) });
    }
  }

  listStations(now: Date): StationView[] {
    const counts = reportCountsByStation(this.store);
    const lastDelivery = lastDeliveryByStation(this.store);
    const leases = this.listLeases(now);
    return listStations(this.store).map((station) => {
      const presence = this.presence.get(station.id);
      const delivered = lastDelivery.get(station.id);
      const lastSeenAt = latest(presence?.lastSeenAt ?? null, delivered?.at ?? null);
      return {
        id: station.id,
        name: station.name,
        pairedAt: station.pairedAt,
        pairedBy: station.pairedBy,
        revokedAt: station.revokedAt,
        revokedBy: station.revokedBy,
        lastSeenAt,
        online:
          station.revokedAt === null &&
          presence !== undefined &&
          now.getTime() - Date.parse(presence.lastSeenAt) <= ONLINE_SECONDS * 1000,
        operator: presence?.operator ?? delivered?.operator ?? null,
        entriesReceived: counts.get(station.id) ?? 0,
        queued: presence?.queued ?? null,
        openPrecincts: leases.filter((lease) => lease.stationId === station.id).map((lease) => lease.precinct),
      };
    });
  }

  revokeStation(
    input: { session: string; stationId: string; reason: string },
    now: Date,
  ): Result<StationView, AppError> {
    const chair = operatorWhoMay(this.store, input.session, 'manage-operators', now);
    if (!chair.ok) return chair;
    const station = findStation(this.store, input.stationId);
    if (!station) return appError('UNKNOWN_STATION', `There is no station ${input.stationId} paired with this hub.`);
    if (station.revokedAt === null) {
      const at = now.toISOString();
      this.store.transaction(() => {
        insertRevocation(this.store, {
          stationId: station.id,
          revokedAt: at,
          revokedBy: chair.value.name,
          reason: input.reason,
        });
        for (const [hash, stationId] of this.stationSessions) {
          if (stationId !== station.id) continue;
          endSession(this.store, hash, at);
          this.stationSessions.delete(hash);
        }
        this.store.appendAudit({
          at,
          operator: chair.value.name,
          action: 'team.station-revoked',
          payload: { station: station.id, name: station.name, reason: input.reason },
        });
        return ok(null);
      });
      for (const [key, lease] of this.leases) if (lease.stationId === station.id) this.leases.delete(key);
    }
    const view = this.listStations(now).find((entry) => entry.id === station.id);
    return view ? ok(view) : appError('UNKNOWN_STATION', `There is no station ${input.stationId}.`);
  }

  // ---- Precinct leases ----

  openPrecinct(
    input: { session: string; precinct: string; purpose: LeasePurpose; stationId: string | null },
    now: Date,
  ): Result<PrecinctOpenView, AppError> {
    const who = currentOperator(this.store, input.session, now);
    if (!who.ok) return who;
    const precinct = this.store.findPrecinct(input.precinct);
    if (!precinct) return appError('UNKNOWN_PRECINCT', `There is no precinct "${input.precinct}".`);
    const station = input.stationId ? findStation(this.store, input.stationId) : null;
    const lease: PrecinctLease = {
      precinct: precinct.code,
      stationId: input.stationId,
      stationName: station?.name ?? 'Hub',
      operator: who.value.name,
      purpose: input.purpose,
      openedAt: now.toISOString(),
      expiresAt: leaseExpiry(now),
    };
    this.leases.set(leaseKey(precinct.code, input.stationId), lease);
    if (input.stationId) this.seen(input.stationId, now).operator = who.value.name;
    const alsoOpen = this.listLeases(now).filter(
      (other) => other.precinct === precinct.code && other.stationId !== input.stationId,
    );
    return ok({ lease, alsoOpen });
  }

  closePrecinct(
    input: { session: string; precinct: string; stationId: string | null },
    now: Date,
  ): Result<null, AppError> {
    const who = currentOperator(this.store, input.session, now);
    if (!who.ok) return who;
    const precinct = this.store.findPrecinct(input.precinct);
    this.leases.delete(leaseKey(precinct?.code ?? input.precinct, input.stationId));
    return ok(null);
  }

  listLeases(now: Date): PrecinctLease[] {
    const at = now.toISOString();
    for (const [key, lease] of this.leases) if (lease.expiresAt <= at) this.leases.delete(key);
    return [...this.leases.values()].sort(
      (a, b) => a.precinct.localeCompare(b.precinct) || a.openedAt.localeCompare(b.openedAt),
    );
  }

  // ---- Delivery of station requests ----

  /**
   * A change from a station, applied through the hub's API exactly once: the request id is
   * recorded with the answer in the same transaction as the change, so a retry after a lost
   * answer (or a hub killed mid-way) gets the same answer back and changes nothing.
   */
  deliver(
    station: StationRecord,
    request: { requestId: string; method: string; input: unknown },
    call: ApiCall,
    now: () => Date,
  ): Promise<Result<unknown, AppError>> {
    const run = this.deliveries.then(() => this.deliverNow(station, request, call, now));
    this.deliveries = run.catch(() => undefined);
    return run;
  }

  private async deliverNow(
    station: StationRecord,
    request: { requestId: string; method: string; input: unknown },
    call: ApiCall,
    now: () => Date,
  ): Promise<Result<unknown, AppError>> {
    const previous = findDeliveredRequest(this.store, station.id, request.requestId);
    if (previous) return JSON.parse(previous.response) as Result<unknown, AppError>;
    const session = sessionOf(request.input);
    const who = session ? currentOperator(this.store, session, now()) : null;
    const operator = who?.ok ? who.value.name : null;
    if (operator) this.seen(station.id, now()).operator = operator;
    const before = lastReportId(this.store);
    const record = (answer: Result<unknown, AppError>) => {
      const at = now().toISOString();
      insertDeliveredRequest(this.store, {
        stationId: station.id,
        requestId: request.requestId,
        method: request.method,
        via: 'network',
        operator,
        receivedAt: at,
        response: keptAnswer(answer),
      });
      const reportIds = answer.ok && operator ? reportsSince(this.store, before, operator) : [];
      recordOrigins(this.store, { station, requestId: request.requestId, operator, reportIds, via: 'network', at });
    };
    if (ATOMIC_METHODS.has(request.method)) {
      // The API's own transactions nest inside this one (savepoints), so the report and its
      // request record commit together or not at all.
      return this.store.transactionImmediate(async () => {
        const answer = await call(request.input);
        record(answer);
        return answer;
      });
    }
    // Files wait on the disk (staging) between their own transactions; a file seen before is
    // "already imported" by its sha256, so a retry after a crash here changes nothing either.
    const answer = await call(request.input);
    this.store.transaction(() => {
      record(answer);
      return ok(null);
    });
    return answer;
  }
}

/** One method of the hub's API, called with a station's input (the hub's server passes it in). */
type ApiCall = (input: unknown) => Promise<Result<unknown, AppError>>;

/** Methods whose whole work is synchronous SQL under the API: one transaction with the request record. */
const ATOMIC_METHODS: ReadonlySet<string> = new Set([
  'submitWorksheet',
  'submitRecount',
  'resolveDiscrepancy',
  'certifyPrecinct',
  'correctCertifiedResult',
  'confirmScanReading',
  'confirmForeignScan',
]);

/** An answer kept for a retry; a large one (a report file) is kept as its outcome only. */
const MAX_KEPT_ANSWER = 256 * 1024;

function keptAnswer(answer: Result<unknown, AppError>): string {
  const text = JSON.stringify(answer);
  if (text.length <= MAX_KEPT_ANSWER) return text;
  return JSON.stringify(answer.ok ? { ok: true, value: null } : answer);
}

export function recordOrigins(
  store: CountyStore,
  delivery: {
    station: StationRecord;
    requestId: string;
    operator: string | null;
    reportIds: readonly number[];
    via: 'network' | 'batch';
    at: string;
  },
): void {
  if (!delivery.operator || delivery.reportIds.length === 0) return;
  for (const reportId of delivery.reportIds) {
    insertReportOrigin(store, {
      reportId,
      stationId: delivery.station.id,
      requestId: delivery.requestId,
      operator: delivery.operator,
    });
  }
  store.appendAudit({
    at: delivery.at,
    operator: delivery.operator,
    action: 'team.reports-received',
    payload: {
      station: delivery.station.id,
      stationName: delivery.station.name,
      requestId: delivery.requestId,
      via: delivery.via,
      reportIds: delivery.reportIds,
    },
  });
}

export function isHubState(team: TeamHub): team is HubState {
  return team instanceof HubState;
}

function sessionOf(input: unknown): string | null {
  if (input === null || typeof input !== 'object') return null;
  const session = (input as { session?: unknown }).session;
  return typeof session === 'string' ? session : null;
}

function leaseKey(precinct: string, stationId: string | null): string {
  return `${precinct}\u0000${stationId ?? 'hub'}`;
}

function leaseExpiry(now: Date): string {
  return new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString();
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function isEd25519PublicKey(base64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

function clientLocked(): Result<never, AppError> {
  return appError(
    'PAIRING_LOCKED',
    `Too many wrong codes came from this machine, so the hub ignores its pairing for ${CLIENT_PAUSE_MS / 60_000} minutes. The chair’s code stays open; check it and try again then.`,
  );
}
