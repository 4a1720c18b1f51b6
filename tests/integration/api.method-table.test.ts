/**
 * The method table (electron/core/api/method-table.ts) is the one place a method is declared: these
 * tests keep what is read from it equal to what the app had before it, and prove the single
 * resolution of who is calling refuses before any handler runs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Access } from '../../electron/core/api/access';
import { apiFromTable } from '../../electron/core/api/api';
import type { ApiServices, MethodEntry } from '../../electron/core/api/define-method';
import { HUB_ONLY_METHODS, methodEntry, methodsTreated, methodTable } from '../../electron/core/api/method-table';
import { API_METHODS, type ApiMethodName } from '../../electron/core/api/methods';
import { createBackgroundServices } from '../../electron/core/background/background-services';
import type { Result } from '../../electron/core/result';
import { scanReaderSlotFor } from '../../electron/core/scan-review/scan-reader';
import { memorySecretStore } from '../../electron/core/secrets/secret-store';
import { CHAIR, countyWithTeam, type Team } from '../helpers/county-team';
import { RESOURCES_DIR, type TempCounty, tempCounty } from '../helpers/temp-county';

/**
 * Who may call each method and how a station treats it, checked by hand once against the handlers'
 * `actorFor(...)` calls and team/station-api.ts's lists as they were before the table.
 */
const DECLARED: Record<ApiMethodName, readonly [access: string, station: string]> = {
  getOverview: ['open', 'cache'],
  getElection: ['open', 'cache'],
  previewCountyDefinition: ['open', 'forward'],
  createCounty: ['open', 'hub-only'],
  loadDemoCounty: ['open', 'hub-only'],
  getPrecinct: ['open', 'cache'],
  evaluateWorksheet: ['open', 'forward'],
  submitWorksheet: ['enter-results or, for a recount, enter-recount; typed name without a team', 'queue'],
  getAuditLog: ['open', 'forward'],
  verifyAuditLog: ['open', 'forward'],
  getTeam: ['open', 'cache'],
  signUpChair: ['open', 'hub-only'],
  signIn: ['open', 'forward'],
  signOut: ['open', 'forward'],
  getSession: ['open', 'cache'],
  addOperator: ['manage-operators', 'forward-change'],
  getVerificationPolicy: ['open', 'cache'],
  getDiscrepancies: ['open', 'cache'],
  resolveDiscrepancy: ['resolve', 'forward-change'],
  certifyPrecinct: ['certify; PIN again', 'forward-change'],
  certifyCounty: ['certify; PIN again', 'forward-change'],
  submitRecount: ['enter-recount', 'forward-change'],
  correctCertifiedResult: ['certify; PIN again', 'forward-change'],
  getRecountSummary: ['open', 'forward'],
  exportRecountReport: ['open', 'forward'],
  importFiles: ['enter-results; typed name without a team', 'queue'],
  listQuarantine: ['open', 'forward'],
  acceptQuarantined: ['resolve', 'forward-change'],
  rejectQuarantined: ['resolve', 'forward-change'],
  listScanQueue: ['open', 'forward'],
  getMailboxStatus: ['open', 'forward'],
  saveMailboxSettings: ['manage-operators', 'forward-change'],
  checkMailboxNow: ['enter-results; typed name without a team', 'forward-change'],
  getPendingCounts: ['open', 'forward'],
  listDriveInboxes: ['enter-results; typed name without a team', 'drive'],
  importFromDrive: ['enter-results; typed name without a team', 'drive'],
  ejectDrive: ['enter-results; typed name without a team', 'drive'],
  getBackupStatus: ['open', 'forward'],
  saveBackupSettings: ['manage-operators', 'forward-change'],
  backupNow: ['enter-results; typed name without a team', 'forward-change'],
  getTeamHubSetting: ['open', 'forward'],
  saveTeamHubSetting: ['manage-operators', 'forward-change'],
  readScan: ['enter-results; typed name without a team', 'forward-change'],
  getScanReading: ['open', 'forward'],
  confirmScanReading: ['enter-results; typed name without a team', 'forward-change'],
  rejectScan: ['enter-results; typed name without a team', 'forward-change'],
  getReportEvidence: ['open', 'forward'],
  readForeignScan: ['enter-results; typed name without a team', 'forward-change'],
  confirmForeignScan: ['enter-results; typed name without a team', 'forward-change'],
  worksheetPdf: ['open', 'forward'],
  getTeamStatus: ['open', 'station'],
  createPairingCode: ['manage-operators', 'hub-only'],
  listStations: ['open', 'hub-only'],
  revokeStation: ['manage-operators', 'hub-only'],
  openPrecinct: ['signed-in', 'forward-change'],
  closePrecinct: ['open', 'forward-change'],
  listPrecinctLeases: ['open', 'cache'],
  pairWithHub: ['open', 'station'],
  exportStationBatch: ['open', 'station'],
  getSigningKey: ['open', 'forward'],
  createSigningKey: ['certify; chair signs', 'forward-change'],
  exportBundle: ['certify; chair signs', 'forward-change'],
  listRemovableDrives: ['open', 'drive'],
  exportBundleToDrive: ['certify; chair signs', 'drive'],
  aggregateBundles: ['open', 'forward'],
  auditPlan: ['open', 'forward'],
  auditStart: ['run-audit', 'forward-change'],
  auditDraw: ['run-audit', 'forward-change'],
  auditEnterHandTally: ['run-audit', 'forward-change'],
  auditMeasure: ['run-audit', 'forward-change'],
  auditNextRound: ['run-audit', 'forward-change'],
  auditReport: ['run-audit', 'forward'],
  getAudit: ['open', 'forward'],
};

function describeAccess(access: Access): string {
  if (access.kind !== 'permission') return access.kind;
  const permission =
    typeof access.permission === 'function'
      ? `${access.permission({} as never)} or, for a recount, ${access.permission({ source: 'recount' } as never)}`
      : access.permission;
  const extras = [
    access.typedNameWithoutTeam ? 'typed name without a team' : null,
    access.pinAgain ? 'PIN again' : null,
    access.notAllowed?.startsWith('Only the county chair signs') ? 'chair signs' : null,
  ].filter((extra) => extra !== null);
  return [permission, ...extras].join('; ');
}

const sorted = (names: Iterable<string>) => [...names].sort();

describe('the method table', () => {
  it('has exactly the methods the preload exposes (methods.ts), each once', () => {
    expect(sorted(Object.keys(methodTable))).toEqual(sorted(API_METHODS));
    expect(new Set(API_METHODS).size).toBe(API_METHODS.length);
  });

  it('declares for every method the access and station treatment checked by hand', () => {
    const declared = Object.fromEntries(
      API_METHODS.map((method) => [method, [describeAccess(methodEntry(method).access), methodEntry(method).station]]),
    );
    expect(declared).toEqual(DECLARED);
  });

  it('gives the station the lists it had before the table (team/station-api.ts)', () => {
    expect(sorted(methodsTreated('queue'))).toEqual(sorted(['submitWorksheet', 'importFiles']));
    expect(sorted(methodsTreated('cache'))).toEqual(
      sorted([
        'getOverview',
        'getElection',
        'getPrecinct',
        'getTeam',
        'getSession',
        'getVerificationPolicy',
        'getDiscrepancies',
        'listPrecinctLeases',
      ]),
    );
    expect(sorted(methodsTreated('drive'))).toEqual(
      sorted(['listDriveInboxes', 'importFromDrive', 'ejectDrive', 'listRemovableDrives', 'exportBundleToDrive']),
    );
    expect(sorted(methodsTreated('station'))).toEqual(sorted(['getTeamStatus', 'pairWithHub', 'exportStationBatch']));
    // The station answered these "done on the hub" itself.
    expect(sorted(methodsTreated('hub-only'))).toEqual(
      sorted(['createPairingCode', 'revokeStation', 'listStations', 'createCounty', 'loadDemoCounty', 'signUpChair']),
    );
    // Reads were forwarded without a request id. The table also calls three methods reads that the old
    // list left out; none of them takes a session, so none was ever sent with one: nothing changes.
    const forwardedBefore = [
      ...methodsTreated('cache'),
      'previewCountyDefinition',
      'evaluateWorksheet',
      'getAuditLog',
      'verifyAuditLog',
      'signIn',
      'signOut',
      'getRecountSummary',
      'exportRecountReport',
      'listQuarantine',
      'listScanQueue',
      'getScanReading',
      'getReportEvidence',
      'getPendingCounts',
      'getMailboxStatus',
      'getBackupStatus',
      'getSigningKey',
      'worksheetPdf',
      'getAudit',
      'auditReport',
    ];
    const forwardedNow = methodsTreated('forward', 'cache');
    const added = sorted([...forwardedNow].filter((method) => !forwardedBefore.includes(method)));
    expect(added).toEqual(['aggregateBundles', 'auditPlan', 'getTeamHubSetting']);
    for (const method of added) {
      const input = methodEntry(method as ApiMethodName).input;
      expect(input).toBeInstanceOf(z.ZodObject);
      expect(Object.keys((input as z.ZodObject).shape)).not.toContain('session');
    }
    expect(forwardedBefore.every((method) => forwardedNow.has(method as ApiMethodName))).toBe(true);
  });

  it('gives the hub the methods it refuses from stations: hub-only ones and what a station answers itself', () => {
    // As before (team/protocol.ts), plus listStations: a station never forwarded it (it said "done on the hub").
    expect(sorted(HUB_ONLY_METHODS)).toEqual(
      sorted([
        'createCounty',
        'loadDemoCounty',
        'signUpChair',
        'createPairingCode',
        'revokeStation',
        'pairWithHub',
        'exportStationBatch',
        'getTeamStatus',
        'listStations',
      ]),
    );
  });
});

describe('who is calling, resolved once before the handler', () => {
  let county: TempCounty;
  let team: Team;
  let handled: { method: ApiMethodName; actor: unknown }[];
  let api: Record<ApiMethodName, (input: unknown) => Promise<Result<unknown>>>;

  // One county for all: the stand-in handlers change nothing, and signing a team in is slow (scrypt).
  beforeAll(async () => {
    county = tempCounty();
    team = await countyWithTeam(county);
    const clock = () => new Date('2026-02-03T02:00:00Z');
    const secrets = memorySecretStore();
    const services: ApiServices = {
      store: county.store,
      resourcesDir: RESOURCES_DIR,
      clock,
      secrets,
      background: createBackgroundServices({ store: county.store, secrets, clock }),
      scanReaders: scanReaderSlotFor(county.store, undefined, RESOURCES_DIR),
      team: undefined,
      bundles: {},
    };
    // Every entry as declared, but any input accepted and a handler that only records that it ran.
    api = apiFromTable(services, (method): MethodEntry => {
      const entry = methodEntry(method);
      return {
        ...entry,
        input: z.record(z.string(), z.unknown()),
        handle: (_input, context) => {
          handled.push({ method, actor: 'actor' in context ? context.actor : null });
          return { ok: true, value: null };
        },
      };
    }) as unknown as typeof api;
  });

  beforeEach(() => {
    handled = [];
  });

  afterAll(() => county.cleanup());

  const guarded = API_METHODS.filter((method) => methodEntry(method).access.kind !== 'open');

  it('guards the methods that change something for a person', () => {
    expect(guarded.length).toBeGreaterThan(25);
  });

  it.each(guarded)('%s: nobody signed in is refused before its handler runs', async (method) => {
    const answer = await api[method]({ operator: 'Typed Name' });
    expect(answer.ok ? null : answer.error.code).toBe('NOT_SIGNED_IN');
    const expired = await api[method]({ session: 'x'.repeat(32), pin: CHAIR.pin });
    expect(expired.ok ? null : expired.error.code).toBe('NOT_SIGNED_IN');
    expect(handled).toEqual([]);
  });

  const roleBound = guarded.filter((method) => {
    const access = methodEntry(method).access;
    return (
      access.kind === 'permission' && access.permission !== 'enter-results' && typeof access.permission !== 'function'
    );
  });

  it.each(roleBound)('%s: a person whose role does not allow it is refused before its handler runs', async (method) => {
    const answer = await api[method]({ session: team.jordan, pin: '1111' });
    expect(answer.ok ? null : answer.error.code).toBe('NOT_ALLOWED');
    expect(handled).toEqual([]);
  });

  it('submitWorksheet: a recount needs a recount verifier or the chair, an entry any member', async () => {
    const recount = await api.submitWorksheet({ session: team.jordan, source: 'recount' });
    expect(recount.ok ? null : recount.error.code).toBe('NOT_ALLOWED');
    expect(handled).toEqual([]);
    expect((await api.submitWorksheet({ session: team.riley, source: 'recount' })).ok).toBe(true);
    expect((await api.submitWorksheet({ session: team.jordan })).ok).toBe(true);
    expect(handled.map((entry) => entry.actor)).toEqual([
      { name: 'Riley Park', role: 'verifier' },
      { name: 'Jordan Lee', role: 'entry' },
    ]);
  });

  const pinAgain = guarded.filter((method) => {
    const access = methodEntry(method).access;
    return access.kind === 'permission' && access.pinAgain === true;
  });

  it.each(pinAgain)(
    '%s: the chair with a wrong PIN is refused; with the right one the handler gets the chair',
    async (method) => {
      const wrong = await api[method]({ session: team.chair, pin: '9999' });
      expect(wrong.ok ? null : wrong.error.code).toBe('WRONG_PIN');
      expect(handled).toEqual([]);
      expect((await api[method]({ session: team.chair, pin: CHAIR.pin })).ok).toBe(true);
      expect(handled).toEqual([{ method, actor: { name: CHAIR.name, role: 'chair' } }]);
    },
  );

  it('says who signs for the county when someone else tries to sign', async () => {
    const answer = await api.exportBundle({ session: team.riley });
    expect(answer.ok ? null : answer.error.message).toMatch(/^Only the county chair signs for the county/);
  });

  it('runs open methods without resolving anyone', async () => {
    expect((await api.getOverview({})).ok).toBe(true);
    expect(handled).toEqual([{ method: 'getOverview', actor: null }]);
  });
});
