import type { BundleStatus } from '../model/bundle-status';
import type { Result } from '../result';
import { keyIdHex } from '../signing/county-key';
import { parseMinisignSignature } from '../signing/minisign-signature';
import { type BundleFiles, TAG_MANIFEST_SIGNATURE } from './bag-layout';
import { countyKey, type KeyRegistry, sameCounty } from './key-registry';
import type { ResultsDocument } from './results-document';
import { roundSde } from './results-totals';
import { type BundleProblem, verifyBundle } from './verify-bundle';

export interface BundleInput {
  readonly path: string;
  /**
   * The bundle's files, or how to read them. A reader is called when the bundle's turn comes and
   * its files are dropped once it is verified, so a state party's 99 (or 3,000) counties are never
   * all in memory at once.
   */
  readonly files: Result<BundleFiles> | (() => Result<BundleFiles>);
}

export type RejectionCode =
  | 'UNREADABLE'
  | 'UNREGISTERED_KEY'
  | 'TAMPERED'
  | 'INCONSISTENT'
  | 'COUNTY_MISMATCH'
  | 'REPLAYED_OLDER'
  | 'CONFLICTING_SEQUENCE';

export interface RejectedBundle {
  readonly path: string;
  readonly county: string | null;
  readonly code: RejectionCode;
  readonly message: string;
  readonly problems: readonly BundleProblem[];
}

export interface CountyStanding {
  readonly county: string;
  /** The accepted bundle's status, or null when no bundle from the county was accepted. */
  readonly status: BundleStatus | null;
  readonly sequence: number | null;
  readonly fingerprint: string | null;
  readonly bundle: string | null;
  readonly precinctsReporting: number;
  readonly precinctsTotal: number;
  /** Rule findings in the accepted bundle: authentic numbers that break a caucus rule. */
  readonly findings: number;
}

export interface StatewideTotal {
  readonly candidate: string;
  readonly firstAlignment: number;
  readonly finalAlignment: number;
  readonly delegates: number;
  readonly sde: number;
}

export interface Aggregation {
  readonly counties: { readonly registered: number; readonly reporting: number };
  readonly totals: readonly StatewideTotal[];
  readonly byCounty: readonly CountyStanding[];
  readonly rejected: readonly RejectedBundle[];
  /** Same bundle given twice: counted once. */
  readonly duplicates: readonly string[];
}

/**
 * A counted county's precincts, kept only when asked for (the statewide export): the parsed
 * precinct rows of results.json, never the bundle's files.
 */
export interface CountedCounty {
  readonly county: string;
  readonly election: ResultsDocument['election'];
  readonly candidates: ResultsDocument['candidates'];
  readonly precincts: ResultsDocument['precincts'];
}

export interface AggregateOptions {
  /** Keep each counted county's precinct rows (for statewide-export.ts); off, nothing but totals is kept. */
  readonly keepPrecincts?: boolean;
}

export interface AggregationWithPrecincts {
  readonly aggregation: Aggregation;
  /** The counted counties (one per county in byCounty with a bundle), in byCounty order. */
  readonly counted: readonly CountedCounty[];
}

/** What is kept of an accepted bundle: its identity and totals, not its files or precincts. */
export interface Accepted {
  readonly path: string;
  readonly county: string;
  /** The key that signed it, and whether the key file named its county (else the bundle did). */
  readonly keyId: string;
  readonly countyFromKey: boolean;
  readonly sequence: number;
  readonly status: BundleStatus;
  readonly fingerprint: string | null;
  readonly precinctsReporting: number;
  readonly precinctsTotal: number;
  readonly findings: number;
  readonly totals: ResultsDocument['totals'];
  readonly detail: CountedCounty | null;
}

/**
 * The state party's side: verify every county bundle against the registered keys, keep each
 * county's newest authentic bundle, and total the state. A bundle is rejected when it cannot be
 * read, is signed by an unregistered key, was changed after signing, claims a county other than the
 * one its key is registered to, or is older than (or conflicts with) another bundle of that county.
 */
export function aggregateBundles(registry: KeyRegistry, bundles: Iterable<BundleInput>): Aggregation {
  return aggregateBundlesWithPrecincts(registry, bundles).aggregation;
}

/** aggregateBundles, also returning the counted counties' precinct rows when options.keepPrecincts. */
export function aggregateBundlesWithPrecincts(
  registry: KeyRegistry,
  bundles: Iterable<BundleInput>,
  options: AggregateOptions = {},
): AggregationWithPrecincts {
  const verdicts: Verdict[] = [];
  for (const bundle of bundles) verdicts.push(judgeBundle(registry, bundle, options.keepPrecincts === true));
  return aggregationOfVerdicts(registry, verdicts, options);
}

/**
 * The statewide picture from every bundle's verdict, in the order the bundles were given (each
 * verdict from judgeBundle, here or in a worker thread: see aggregate-parallel.ts).
 */
export function aggregationOfVerdicts(
  registry: KeyRegistry,
  verdicts: readonly Verdict[],
  options: AggregateOptions = {},
): AggregationWithPrecincts {
  const rejected: RejectedBundle[] = [];
  const accepted: Accepted[] = [];
  for (const verdict of verdicts) {
    if ('accepted' in verdict) accepted.push(verdict.accepted);
    else rejected.push(verdict.rejected);
  }
  const aggregation = totalAccepted(registry, accepted, rejected);
  if (options.keepPrecincts !== true) return { aggregation, counted: [] };
  const byPath = new Map<string, Accepted[]>();
  for (const entry of accepted) byPath.set(entry.path, [...(byPath.get(entry.path) ?? []), entry]);
  const counted = aggregation.byCounty.flatMap((county) => {
    const entry = (county.bundle === null ? [] : (byPath.get(county.bundle) ?? [])).find(
      (candidate) =>
        candidate.county === county.county &&
        candidate.sequence === county.sequence &&
        candidate.fingerprint === county.fingerprint,
    );
    return entry?.detail ? [entry.detail] : [];
  });
  return { aggregation, counted };
}

/** One bundle's outcome: plain data, so a worker thread can send it back as it is. */
export type Verdict = { readonly accepted: Accepted } | { readonly rejected: RejectedBundle };

function rejection(
  path: string,
  county: string | null,
  code: RejectionCode,
  message: string,
  problems: readonly BundleProblem[] = [],
): Verdict {
  return { rejected: { path, county, code, message, problems } };
}

/** One bundle read, verified against the registry and reduced to what the totals need. */
export function judgeBundle(registry: KeyRegistry, bundle: BundleInput, keepPrecincts = false): Verdict {
  const { path } = bundle;
  const files = typeof bundle.files === 'function' ? bundle.files() : bundle.files;
  if (!files.ok) return rejection(path, null, 'UNREADABLE', files.error.message);
  const signatureFile = files.value.get(TAG_MANIFEST_SIGNATURE);
  const signature = signatureFile ? parseMinisignSignature(Buffer.from(signatureFile).toString('utf8')) : null;
  if (!signature?.ok) {
    return rejection(path, null, 'TAMPERED', `${path} has no readable signature, so nobody can vouch for it.`);
  }
  const keyId = keyIdHex(signature.value.keyNumber);
  const registered = registry.get(keyId);
  if (!registered) {
    return rejection(
      path,
      null,
      'UNREGISTERED_KEY',
      `${path} is signed with key ${keyId}, and none of the public keys given is that key (file names do not matter, only the key inside). Ask the county chair for the public key on their Export screen, check its key id ${keyId} with them, and add it.`,
    );
  }
  const verification = verifyBundle(files.value, registered.key);
  const results = verification.results;
  if (!verification.authentic || !results) {
    return rejection(
      path,
      registered.county,
      'TAMPERED',
      `${path} (${registered.county === null ? `key ${keyId}` : `key of ${registered.county}`}) was changed after it was signed or is damaged.`,
      verification.problems,
    );
  }
  // The county is the one the key file names or, when it names none, the one inside the signed bundle.
  const county = registered.county ?? verification.claims?.county ?? results.county;
  if (!sameCounty(results.county, county) || !verification.claims || !sameCounty(verification.claims.county, county)) {
    return rejection(
      path,
      registered.county,
      'COUNTY_MISMATCH',
      `${path} is signed with the key registered to ${county}, but says it is from ${verification.claims?.county ?? results.county}.`,
    );
  }
  if (verification.problems.length > 0) {
    return rejection(
      path,
      county,
      'INCONSISTENT',
      `${path} from ${county} is signed, but its files disagree with each other.`,
      verification.problems,
    );
  }
  return {
    accepted: {
      path,
      county,
      keyId,
      countyFromKey: registered.county !== null,
      sequence: results.bundle.sequence,
      status: results.bundle.status,
      fingerprint: verification.fingerprint,
      precinctsReporting: results.precinctsReporting,
      precinctsTotal: results.precincts.length,
      findings: verification.findings.length,
      totals: results.totals,
      detail: keepPrecincts
        ? {
            county,
            election: results.election,
            candidates: results.candidates,
            precincts: results.precincts,
          }
        : null,
    },
  };
}

function totalAccepted(registry: KeyRegistry, accepted: readonly Accepted[], rejected: RejectedBundle[]): Aggregation {
  const reject = (
    path: string,
    county: string | null,
    code: RejectionCode,
    message: string,
    problems: readonly BundleProblem[] = [],
  ) => rejected.push({ path, county, code, message, problems });

  const duplicates: string[] = [];
  const standing = new Map<string, Accepted>();
  for (const group of groupByCounty(oneCountyPerKey(accepted, reject))) {
    const bySequence = [...group].sort((a, b) => b.sequence - a.sequence);
    const newest = bySequence[0] as Accepted;
    const newestSequence = newest.sequence;
    const sameSequence = bySequence.filter((entry) => entry.sequence === newestSequence);
    const distinct = new Set(sameSequence.map((entry) => entry.fingerprint));
    if (distinct.size > 1) {
      for (const entry of sameSequence) {
        reject(
          entry.path,
          entry.county,
          'CONFLICTING_SEQUENCE',
          `${entry.county} has ${distinct.size} different signed bundles numbered ${newestSequence}; none of them is counted until the county says which stands.`,
        );
      }
    } else {
      standing.set(newest.county, newest);
      duplicates.push(...sameSequence.slice(1).map((entry) => entry.path));
    }
    for (const older of bySequence.filter((entry) => entry.sequence < newestSequence)) {
      reject(
        older.path,
        older.county,
        'REPLAYED_OLDER',
        `${older.path} is ${older.county}'s bundle number ${older.sequence}, older than number ${newestSequence}; only the newest counts.`,
      );
    }
  }

  // Keys that name no county count as one county each until a bundle says which.
  const named = [...registry.values()].flatMap((key) => (key.county === null ? [] : [key.county]));
  const signedFor = new Set(accepted.map((entry) => entry.keyId));
  const learned = accepted.filter((entry) => !entry.countyFromKey).map((entry) => entry.county);
  const registeredCounties = uniqueCounties([...named, ...learned]);
  const silentKeys = [...registry.values()].filter((key) => key.county === null && !signedFor.has(key.keyId)).length;
  return {
    counties: { registered: registeredCounties.length + silentKeys, reporting: standing.size },
    totals: statewideTotals([...standing.values()]),
    byCounty: registeredCounties.map((county) => countyStanding(county, standing.get(county))),
    rejected,
    duplicates,
  };
}

/**
 * A key whose file names no county signs for the county inside its bundles: for one county only. Bundles
 * of one such key that say different counties are all refused.
 */
function oneCountyPerKey(
  accepted: readonly Accepted[],
  reject: (path: string, county: string | null, code: RejectionCode, message: string) => void,
): Accepted[] {
  const countiesOfKey = new Map<string, Set<string>>();
  for (const entry of accepted) {
    if (entry.countyFromKey) continue;
    const counties = countiesOfKey.get(entry.keyId) ?? new Set<string>();
    counties.add(countyKey(entry.county));
    countiesOfKey.set(entry.keyId, counties);
  }
  return accepted.filter((entry) => {
    if ((countiesOfKey.get(entry.keyId)?.size ?? 1) <= 1) return true;
    reject(
      entry.path,
      entry.county,
      'COUNTY_MISMATCH',
      `${entry.path} says it is from ${entry.county}, but its key ${entry.keyId} also signed bundles that say another county; one key signs for one county only, so none of them is counted.`,
    );
    return false;
  });
}

function groupByCounty(accepted: readonly Accepted[]): Accepted[][] {
  // Keyed by countyKey (what sameCounty compares), not by searching: 3,000 counties would be 4.5M comparisons.
  const groups = new Map<string, Accepted[]>();
  for (const entry of accepted) {
    const key = countyKey(entry.county);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()];
}

/** The first name given for each county (names sameCounty takes as one county count once). */
function uniqueCounties(counties: readonly string[]): string[] {
  const unique = new Map<string, string>();
  for (const county of counties) if (!unique.has(countyKey(county))) unique.set(countyKey(county), county);
  return [...unique.values()];
}

function countyStanding(county: string, entry: Accepted | undefined): CountyStanding {
  return {
    county,
    status: entry?.status ?? null,
    sequence: entry?.sequence ?? null,
    fingerprint: entry?.fingerprint ?? null,
    bundle: entry?.path ?? null,
    precinctsReporting: entry?.precinctsReporting ?? 0,
    precinctsTotal: entry?.precinctsTotal ?? 0,
    findings: entry?.findings ?? 0,
  };
}

/** Sums of the county totals, candidates in the order they first appear on a county's ballot. */
function statewideTotals(standing: readonly Accepted[]): StatewideTotal[] {
  const totals = new Map<string, StatewideTotal>();
  for (const entry of standing) {
    for (const total of entry.totals) {
      const sum = totals.get(total.candidate) ?? {
        candidate: total.candidate,
        firstAlignment: 0,
        finalAlignment: 0,
        delegates: 0,
        sde: 0,
      };
      totals.set(total.candidate, {
        candidate: total.candidate,
        firstAlignment: sum.firstAlignment + total.firstAlignment,
        finalAlignment: sum.finalAlignment + total.finalAlignment,
        delegates: sum.delegates + total.delegates,
        sde: sum.sde + total.sde,
      });
    }
  }
  return [...totals.values()].map((total) => ({ ...total, sde: roundSde(total.sde) }));
}
