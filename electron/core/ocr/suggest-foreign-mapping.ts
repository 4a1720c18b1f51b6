/**
 * Where the numbers of a sheet that is not ours probably go (the full-page fallback, docs/OCR.md). Pure:
 * lines and number tokens in, a suggestion out. A suggestion only saves typing: every field it makes
 * needs review, and the person maps and confirms each one against the paper.
 */
import type { ForeignFieldSuggestion, ForeignLine, ForeignSuggestion, NumberToken } from './foreign-reading';
import { findPhrase, normalizeWord, wordsMatch } from './fuzzy-match';
import type { WorksheetColumn } from './scan-reading';

export interface ForeignMappingInput {
  readonly lines: readonly ForeignLine[];
  readonly tokens: readonly NumberToken[];
  /** Candidate names in ballot order. */
  readonly candidates: readonly string[];
  readonly precincts: readonly { readonly code: string; readonly name: string }[];
}

export const FOREIGN_COLUMNS: readonly WorksheetColumn[] = ['first', 'final', 'delegates'];

/** Words a tally sheet heads its columns with. */
const COLUMN_WORDS: Record<WorksheetColumn, readonly string[]> = {
  first: ['first', '1st', 'initial'],
  final: ['final', '2nd', 'second'],
  delegates: ['delegates', 'delegate', 'dels', 'del', 'cds'],
};

const TOTAL_WORDS = ['total', 'totals', 'sum'];

export function suggestForeignMapping(input: ForeignMappingInput): ForeignSuggestion {
  const { lines, tokens, candidates } = input;
  const wordsOf = (line: ForeignLine) => line.words.map((word) => word.text);
  const totalLines = new Set(
    lines.flatMap((line, index) =>
      line.words.some((word) => TOTAL_WORDS.some((total) => wordsMatch(normalizeWord(word.text), total)))
        ? [index]
        : [],
    ),
  );
  const header = findHeader(lines);

  // Each candidate on the line where the name reads best; one candidate per line.
  const matches = candidates.flatMap((candidate) =>
    lines.flatMap((line, index) => {
      if (totalLines.has(index) || index === header?.line) return [];
      const match = findPhrase(wordsOf(line), candidate);
      return match ? [{ candidate, line: index, match }] : [];
    }),
  );
  matches.sort((a, b) => a.match.distance - b.match.distance || a.line - b.line);
  const lineOf = new Map<string, number>();
  const nameEnd = new Map<number, number>();
  const usedLines = new Set<number>();
  for (const { candidate, line, match } of matches) {
    if (lineOf.has(candidate) || usedLines.has(line)) continue;
    lineOf.set(candidate, line);
    usedLines.add(line);
    const last = lines[line]?.words[match.lastWord];
    if (last) nameEnd.set(line, last.box.x + last.box.width);
  }
  inferByOrder(candidates, lineOf, usedLines, lines, tokens, totalLines, header?.line ?? -1);

  const fields: ForeignFieldSuggestion[] = [];
  for (const candidate of candidates) {
    const line = lineOf.get(candidate);
    const picked = line === undefined ? new Map() : rowValues(line, lines, tokens, nameEnd.get(line), header);
    for (const column of FOREIGN_COLUMNS) {
      const token: NumberToken | undefined = picked.get(column);
      fields.push({
        candidate,
        column,
        value: token?.value ?? null,
        tokenIndex: token?.index ?? null,
        confidence: token?.confidence ?? 0,
        needsReview: true,
        reasons: ['NOT_OUR_FORM'],
      });
    }
  }
  return { precinct: suggestPrecinct(lines, input.precincts), fields };
}

interface Header {
  readonly line: number;
  /** Left edge of each column's heading that was found. */
  readonly columns: ReadonlyMap<WorksheetColumn, number>;
}

/** The line naming the most of first / final / delegates (at least two). */
function findHeader(lines: readonly ForeignLine[]): Header | null {
  let best: Header | null = null;
  lines.forEach((line, index) => {
    const columns = new Map<WorksheetColumn, number>();
    for (const word of line.words) {
      const text = normalizeWord(word.text);
      for (const column of FOREIGN_COLUMNS) {
        if (columns.has(column)) continue;
        if (COLUMN_WORDS[column].some((heading) => wordsMatch(text, heading))) columns.set(column, word.box.x);
      }
    }
    if (columns.size >= 2 && (!best || columns.size > best.columns.size)) best = { line: index, columns };
  });
  return best;
}

/**
 * Candidates whose names could not be read, placed by order: when the names that were found are in
 * ballot order, and between two of them there are exactly as many unclaimed rows of numbers as
 * candidates missing, those rows are taken to be theirs, in order. Otherwise they stay unmapped.
 */
function inferByOrder(
  candidates: readonly string[],
  lineOf: Map<string, number>,
  usedLines: Set<number>,
  lines: readonly ForeignLine[],
  tokens: readonly NumberToken[],
  totalLines: ReadonlySet<number>,
  headerLine: number,
): void {
  const anchors = candidates.flatMap((candidate) => (lineOf.has(candidate) ? [lineOf.get(candidate) as number] : []));
  if (anchors.length === 0) return;
  if (anchors.some((line, index) => index > 0 && line <= (anchors[index - 1] as number))) return;
  const tokensOnLine = (line: number) => tokens.filter((token) => token.line === line).length;
  const rows = lines
    .map((_, index) => index)
    .filter(
      (index) => index > headerLine && !totalLines.has(index) && !usedLines.has(index) && tokensOnLine(index) >= 2,
    );
  let gap: string[] = [];
  let previous = headerLine;
  const settle = (next: number) => {
    const between = rows.filter((row) => row > previous && row < next);
    if (gap.length > 0 && between.length === gap.length) {
      gap.forEach((candidate, index) => {
        const row = between[index] as number;
        lineOf.set(candidate, row);
        usedLines.add(row);
      });
    }
    gap = [];
  };
  for (const candidate of candidates) {
    const line = lineOf.get(candidate);
    if (line === undefined) {
      gap.push(candidate);
      continue;
    }
    settle(line);
    previous = line;
  }
  // After the last name found: the rows up to a totals row (or the end).
  const firstTotal = [...totalLines].filter((line) => line > previous).sort((a, b) => a - b)[0];
  settle(firstTotal ?? lines.length);
}

/**
 * The numbers of one row, by column. Three or more after the name: the first three in reading order
 * (first, final, delegates, as every tally sheet has them). Fewer: by the heading each sits under,
 * when the sheet has headings; else in reading order from the first column.
 */
function rowValues(
  line: number,
  lines: readonly ForeignLine[],
  tokens: readonly NumberToken[],
  nameEndX: number | undefined,
  header: Header | null,
): Map<WorksheetColumn, NumberToken> {
  const firstWord = lines[line]?.words[0];
  const startX =
    nameEndX ??
    (firstWord && !tokens.some((token) => token.line === line && token.box.x === firstWord.box.x)
      ? firstWord.box.x + firstWord.box.width
      : Number.NEGATIVE_INFINITY);
  const row = tokens.filter((token) => token.line === line && token.box.x >= startX).sort((a, b) => a.box.x - b.box.x);
  const picked = new Map<WorksheetColumn, NumberToken>();
  if (row.length >= FOREIGN_COLUMNS.length || !header) {
    FOREIGN_COLUMNS.forEach((column, index) => {
      const token = row[index];
      if (token) picked.set(column, token);
    });
    return picked;
  }
  for (const token of row) {
    let nearest: WorksheetColumn | null = null;
    for (const [column, x] of header.columns) {
      if (picked.has(column)) continue;
      if (
        nearest === null ||
        Math.abs(token.box.x - x) < Math.abs(token.box.x - (header.columns.get(nearest) as number))
      ) {
        nearest = column;
      }
    }
    if (nearest) picked.set(nearest, token);
  }
  return picked;
}

/** The precinct written on the sheet: its code (a read "O" taken for "0") or its name; null when unclear. */
function suggestPrecinct(
  lines: readonly ForeignLine[],
  precincts: readonly { readonly code: string; readonly name: string }[],
): string | null {
  const codeForm = (text: string) => normalizeWord(text).replace(/o/g, '0');
  const found = new Map<string, number>();
  for (const precinct of precincts) {
    const code = codeForm(precinct.code);
    for (const line of lines) {
      // A code of one or two characters ("3") is any number on the page: only names tell those apart.
      if (code.length >= 3 && line.words.some((word) => codeForm(word.text) === code)) {
        found.set(precinct.code, 0);
        break;
      }
      const byName = findPhrase(
        line.words.map((word) => word.text),
        precinct.name,
      );
      if (byName) found.set(precinct.code, Math.min(found.get(precinct.code) ?? 99, 1 + byName.distance));
    }
  }
  const ranked = [...found.entries()].sort((a, b) => a[1] - b[1]);
  const [best, second] = ranked;
  if (!best) return null;
  if (second && second[1] === best[1]) return null;
  return best[0];
}
