/** The county setup as typed in: a draft of text boxes, turned into the setup to send or the problems to fix. */
import { CHAIR_PIN_PATTERN, CHAIR_PIN_RULE, type CountySetupInput, type RulesProfileId } from '../../api/types';

export interface PrecinctDraft {
  readonly key: number;
  code: string;
  name: string;
  delegates: string;
  chairEmail: string;
}

export interface Draft {
  county: string;
  name: string;
  date: string;
  rulesProfile: RulesProfileId;
  sdePerDelegate: string;
  precincts: PrecinctDraft[];
  candidates: { key: number; name: string }[];
}

let nextKey = 1;
export const newKey = () => nextKey++;

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyPrecinct(): PrecinctDraft {
  return { key: newKey(), code: '', name: '', delegates: '', chairEmail: '' };
}

export function emptyDraft(): Draft {
  return {
    county: '',
    name: '',
    date: today(),
    rulesProfile: 'iowa-dem-2020',
    sdePerDelegate: '',
    precincts: [emptyPrecinct()],
    candidates: [{ key: newKey(), name: '' }],
  };
}

export function draftFrom(setup: CountySetupInput): Draft {
  return {
    county: setup.county,
    name: setup.name,
    date: setup.date || today(),
    rulesProfile: setup.rulesProfile,
    sdePerDelegate: String(setup.sdePerDelegate),
    precincts: setup.precincts.map((p) => ({
      key: newKey(),
      code: p.code,
      name: p.name,
      delegates: String(p.delegates),
      chairEmail: p.chairEmail ?? '',
    })),
    candidates: setup.candidates.map((name) => ({ key: newKey(), name })),
  };
}

/** The setup to send, or the problems a person must fix first. */
export function toSetup(draft: Draft): { setup: CountySetupInput | null; problems: string[] } {
  const problems: string[] = [];
  if (!draft.county.trim()) problems.push('Enter the county name.');
  if (!draft.name.trim()) problems.push('Enter the name of the election or caucus.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.push('Enter the date of the caucus.');
  const sde = Number(draft.sdePerDelegate.trim());
  if (!draft.sdePerDelegate.trim() || !Number.isFinite(sde) || sde <= 0) {
    problems.push('Enter the SDE per county delegate as a number above zero, for example 0.25.');
  }
  const precincts = draft.precincts.filter((p) => p.code.trim() || p.name.trim() || p.delegates.trim());
  if (precincts.length === 0) problems.push('Add at least one precinct.');
  const seen = new Set<string>();
  precincts.forEach((p, index) => {
    const label = `Precinct ${index + 1}${p.code.trim() ? ` (${p.code.trim()})` : ''}`;
    if (!p.code.trim()) problems.push(`${label}: enter its code.`);
    else if (seen.has(p.code.trim().toLowerCase())) problems.push(`${label}: this code is used twice.`);
    seen.add(p.code.trim().toLowerCase());
    if (!p.name.trim()) problems.push(`${label}: enter its name.`);
    if (!/^\d+$/.test(p.delegates.trim())) problems.push(`${label}: enter the delegates it elects as a whole number.`);
    if (p.chairEmail.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(p.chairEmail.trim())) {
      problems.push(`${label}: the chair email does not look like an email address.`);
    }
  });
  const candidates = draft.candidates.map((c) => c.name.trim()).filter(Boolean);
  if (candidates.length === 0) problems.push('Add at least one candidate.');
  const names = new Set<string>();
  for (const name of candidates) {
    if (names.has(name.toLowerCase())) problems.push(`The candidate “${name}” is listed twice.`);
    names.add(name.toLowerCase());
  }
  if (problems.length > 0) return { setup: null, problems };
  return {
    problems,
    setup: {
      county: draft.county.trim(),
      name: draft.name.trim(),
      date: draft.date,
      rulesProfile: draft.rulesProfile,
      sdePerDelegate: sde,
      precincts: precincts.map((p) => ({
        code: p.code.trim(),
        name: p.name.trim(),
        delegates: Number(p.delegates.trim()),
        chairEmail: p.chairEmail.trim() || null,
      })),
      candidates,
    },
  };
}

export function chairProblem(chair: { name: string; pin: string }): string | null {
  if (!chair.name.trim()) return 'Enter the county chair’s name.';
  if (!CHAIR_PIN_PATTERN.test(chair.pin)) return `Choose the chair’s PIN. ${CHAIR_PIN_RULE}`;
  return null;
}

export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
