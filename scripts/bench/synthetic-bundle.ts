/**
 * Fast generation of county bundles for the national benchmark: the county's results are made in
 * memory (no county database, no import), then go through the real bundle code (buildBundle signs,
 * writeBundleTemporary writes, as exportBundle does), so the real verifier accepts them unchanged.
 * What the bundle holds has the shape of a real export of the same county: every precinct reported
 * with delegates and SDEs as the rules give them, and an audit log with the same entries
 * (county.created, operator.added, import.file-stored, one report.received per precinct,
 * bundle.exported), hash-chained.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry } from '../../electron/core/api/contract';
import { auditEntryHash, GENESIS_HASH } from '../../electron/core/audit-log/chain';
import { buildBundle } from '../../electron/core/bundle/build-bundle';
import type { ResultsDocument } from '../../electron/core/bundle/results-document';
import { RESULTS_SCHEMA_ID } from '../../electron/core/bundle/results-document';
import { totalsOf } from '../../electron/core/bundle/results-totals';
import { writeBundleTemporary } from '../../electron/core/bundle/write-bundle';
import { delegatesOf } from '../../electron/core/county/delegates-of';
import type { CandidateLine, PrecinctResult } from '../../electron/core/rules/types';
import { type CountySigningKey, generateCountySigningKey, keyIdHex } from '../../electron/core/signing/county-key';
import { formatMinisignPublicKey } from '../../electron/core/signing/minisign-public-key';
import { candidateNames, precinctCode, prng } from './lib';

const GENERATED_AT = '2026-02-03T04:00:00Z';
const SDE_PER_DELEGATE = 0.25;

export interface SyntheticCountySpec {
  readonly county: string;
  readonly precincts: number;
  readonly candidates: number;
  readonly seed: number;
}

/** The precinct results a county would have imported: attendance and alignments from a seeded PRNG. */
function precinctResults(spec: SyntheticCountySpec, delegates: readonly number[]): PrecinctResult[] {
  const candidates = candidateNames(spec.candidates);
  return delegates.map((precinctDelegates, index) => {
    const rand = prng(spec.seed * 7919 + index * 31);
    const attendees = 20 + Math.floor(rand() * 300);
    const weights = candidates.map(() => 0.2 + rand());
    const total = weights.reduce((a, b) => a + b, 0);
    const lines: CandidateLine[] = candidates.map((candidate, line) => {
      const count = Math.floor(((weights[line] as number) / total) * attendees);
      return { candidate, firstAlignment: count, finalAlignment: count, delegatesAwarded: null, sde: null };
    });
    return {
      county: spec.county,
      precinct: precinctCode(index),
      precinctDelegates,
      sdePerDelegate: SDE_PER_DELEGATE,
      lines,
      coinTosses: [],
    };
  });
}

/** An audit log chained the way the store chains it (audit-log/chain.ts). */
class AuditLog {
  readonly entries: AuditEntry[] = [];
  append(at: string, operator: string, action: string, payload: unknown): AuditEntry {
    const prevHash = this.entries.at(-1)?.hash ?? GENESIS_HASH;
    const body = { seq: this.entries.length + 1, at, operator, action, payload };
    const entry = { ...body, prevHash, hash: auditEntryHash(prevHash, body) };
    this.entries.push(entry);
    return entry;
  }
}

/** Every file of a signed bundle for one synthetic county, built and signed by the real code. */
export function buildSyntheticBundle(spec: SyntheticCountySpec, key: CountySigningKey, fileName: string) {
  const random = prng(spec.seed);
  const delegates = Array.from({ length: spec.precincts }, () => 1 + Math.floor(random() * 9));
  const candidates = candidateNames(spec.candidates);
  const election = { name: `${spec.county} Caucus`, date: '2026-02-02', rulesProfile: 'iowa-dem-2020' as const };
  const reported = precinctResults(spec, delegates);
  const log = new AuditLog();
  log.append('2026-02-03T01:30:01.000Z', 'Bench Chair', 'county.created', {
    candidates,
    county: spec.county,
    date: election.date,
    name: election.name,
    precincts: delegates.map((d, index) => ({
      code: precinctCode(index),
      delegates: d,
      name: `Precinct ${index + 1}`,
    })),
    rulesProfile: election.rulesProfile,
    sdePerDelegate: SDE_PER_DELEGATE,
  });
  log.append('2026-02-03T01:30:01.000Z', 'Bench Chair', 'operator.added', { name: 'Bench Chair', role: 'chair' });
  const fileSha = createHash('sha256').update(spec.county).digest('hex');
  log.append('2026-02-03T02:00:00Z', 'Bench Operator', 'import.file-stored', {
    bytes: 400 * spec.precincts,
    fileName: 'results.csv',
    format: 'results-table',
    sha256: fileSha,
    source: 'usb',
  });
  const precincts: ResultsDocument['precincts'] = reported.map((result, index) => {
    const reportSha256 = createHash('sha256').update(`${spec.county}/${result.precinct}`).digest('hex');
    log.append('2026-02-03T02:00:00Z', 'Bench Operator', 'report.received', {
      coinTosses: [],
      fileName: 'results.csv',
      lines: result.lines,
      precinct: result.precinct,
      reportId: index + 1,
      sha256: reportSha256,
      source: 'usb',
    });
    const awarded = delegatesOf(election.rulesProfile, result);
    return {
      code: result.precinct,
      name: `Precinct ${index + 1}`,
      delegates: delegates[index] as number,
      status: 'received' as const,
      result: {
        source: 'usb',
        reportSha256,
        receivedAt: '2026-02-03T02:00:00Z',
        lines: result.lines.map((line) => {
          const delegatesAwarded = awarded?.[line.candidate] ?? null;
          return {
            candidate: line.candidate,
            firstAlignment: line.firstAlignment,
            finalAlignment: line.finalAlignment,
            delegatesAwarded,
            sde: delegatesAwarded === null ? null : Math.round(delegatesAwarded * SDE_PER_DELEGATE * 10000) / 10000,
          };
        }),
        coinTosses: [],
      },
      findings: [],
    };
  });
  const keyId = keyIdHex(key.keyNumber);
  const identity = { sequence: 1, status: 'unofficial-complete' as const, keyId };
  const exported = log.append(GENERATED_AT, 'Bench Chair', 'bundle.exported', {
    ...identity,
    fileName,
    format: 'folder',
  });
  const candidateList = candidates.map((name, index) => ({ name, ballotOrder: index + 1 }));
  const document: ResultsDocument = {
    schema: RESULTS_SCHEMA_ID,
    county: spec.county,
    election: { ...election, sdePerDelegate: SDE_PER_DELEGATE },
    bundle: { ...identity, generatedAt: GENERATED_AT, appVersion: '0.1.0-bench' },
    candidates: candidateList,
    precincts,
    precinctsReporting: precincts.length,
    totals: totalsOf(candidateList, precincts),
    auditLog: { entries: log.entries.length, headHash: exported.hash },
  };
  return buildBundle(document, log.entries, key).files;
}

/**
 * Generates counties [from, to) under root (root/keys/<County>.pub, root/bundles/<County>/), each
 * written by writeBundleTemporary under a temporary name and renamed into place, as an export does.
 */
export function makeSyntheticBundles(
  root: string,
  countyName: (index: number) => string,
  specOf: (index: number) => Omit<SyntheticCountySpec, 'county'>,
  from: number,
  to: number,
): void {
  mkdirSync(join(root, 'keys'), { recursive: true });
  mkdirSync(join(root, 'bundles'), { recursive: true });
  for (let index = from; index < to; index++) {
    const county = countyName(index);
    const key = generateCountySigningKey();
    writeFileSync(join(root, 'keys', `${county}.pub`), formatMinisignPublicKey(key));
    const files = buildSyntheticBundle({ county, ...specOf(index) }, key, county);
    const final = join(root, 'bundles', county);
    const temporary = `${final}.partial`;
    writeBundleTemporary(files, temporary, final, new Date(GENERATED_AT));
    renameSync(temporary, final);
  }
}
