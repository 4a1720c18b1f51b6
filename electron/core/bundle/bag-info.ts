import { VERIFICATION_POLICY } from '../status/verification-policy';
import type { ResultsDocument } from './results-document';

/** bag-info.txt labels and the results.json field each one repeats (docs/CONTRACTS.md lists what it carries). */
export interface BagInfo {
  readonly county: string;
  readonly election: string;
  readonly electionDate: string;
  readonly rulesProfile: string;
  readonly sequence: string;
  readonly status: string;
  readonly generatedAt: string;
  readonly appVersion: string;
  readonly keyId: string;
  readonly resultsSchema: string;
  /** What "verified" meant when this bundle was made (the verification policy, by id and version). */
  readonly verificationPolicy: string;
}

const LABELS: Record<keyof BagInfo, string> = {
  county: 'County',
  election: 'Election',
  electionDate: 'Election-Date',
  rulesProfile: 'Rules-Profile',
  sequence: 'Sequence-Number',
  status: 'Status',
  generatedAt: 'Generated-At',
  appVersion: 'App-Version',
  keyId: 'Signing-Key-Id',
  resultsSchema: 'Results-Schema',
  verificationPolicy: 'Verification-Policy',
};

export function bagInfoOf(document: ResultsDocument): BagInfo {
  return {
    county: oneLine(document.county),
    election: oneLine(document.election.name),
    electionDate: document.election.date,
    rulesProfile: document.election.rulesProfile,
    sequence: String(document.bundle.sequence),
    status: document.bundle.status,
    generatedAt: document.bundle.generatedAt,
    appVersion: oneLine(document.bundle.appVersion),
    keyId: document.bundle.keyId,
    resultsSchema: document.schema,
    verificationPolicy: `${VERIFICATION_POLICY.id}/${VERIFICATION_POLICY.version}`,
  };
}

/**
 * bag-info.txt: RFC 8493's own labels (Source-Organization, Bagging-Date, Bag-Software-Agent,
 * Payload-Oxum) first, then ours, one `Label: value` per line.
 */
export function formatBagInfo(info: BagInfo, payloadBytes: number, payloadFiles: number): string {
  const lines = [
    `Source-Organization: ${info.county}`,
    `Bagging-Date: ${info.generatedAt.slice(0, 10)}`,
    `Bag-Software-Agent: Tallyroom ${info.appVersion}`,
    `Payload-Oxum: ${payloadBytes}.${payloadFiles}`,
    ...(Object.keys(LABELS) as (keyof BagInfo)[]).map((field) => `${LABELS[field]}: ${info[field]}`),
  ];
  return `${lines.join('\n')}\n`;
}

export interface ParsedBagInfo {
  readonly info: Partial<BagInfo>;
  readonly payloadOxum: string | undefined;
  readonly problems: string[];
}

/** Reads bag-info.txt; every label we rely on must appear exactly once. */
export function parseBagInfo(text: string): ParsedBagInfo {
  const problems: string[] = [];
  const values = new Map<string, string[]>();
  let last: string | undefined;
  for (const row of text.split('\n')) {
    if (row === '') continue;
    if (/^[ \t]/.test(row) && last) {
      const list = values.get(last) ?? [];
      list[list.length - 1] = `${list.at(-1) ?? ''} ${row.trim()}`;
      continue;
    }
    const match = /^([^:\s][^:]*):\s?(.*)$/.exec(row);
    if (!match?.[1]) {
      problems.push(`bag-info.txt has a line that is not "Label: value": ${JSON.stringify(row.slice(0, 60))}.`);
      continue;
    }
    last = match[1].trim().toLowerCase();
    values.set(last, [...(values.get(last) ?? []), match[2] ?? '']);
  }
  const single = (label: string): string | undefined => {
    const list = values.get(label.toLowerCase());
    if (!list) {
      problems.push(`bag-info.txt has no ${label} line.`);
      return undefined;
    }
    if (list.length > 1) problems.push(`bag-info.txt gives ${label} more than once.`);
    return list[0];
  };
  const info: Partial<Record<keyof BagInfo, string>> = {};
  for (const field of Object.keys(LABELS) as (keyof BagInfo)[]) {
    const value = single(LABELS[field]);
    if (value !== undefined) info[field] = value;
  }
  return { info, payloadOxum: single('Payload-Oxum'), problems };
}

/** Tag files are line-based: a newline in a county or election name would start a new label. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}
