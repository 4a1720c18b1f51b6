/**
 * Finding a name on a line of OCR text, tolerating what OCR and tired people do to names:
 * case, a letter or two misread, dropped or doubled ("Castilo"), punctuation. Digits are never
 * fuzzy: "Ames 2" must not be found in "Ames 3".
 */

/** Levenshtein distance (insertions, deletions, substitutions), two rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Lower case letters and digits only: "ADAMS," -> "adams". */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** How many slips a word of this length may have and still be the name: none below four letters, then about one in three. */
export function allowedSlips(length: number): number {
  if (length <= 3) return 0;
  return Math.max(1, Math.round(length * 0.3));
}

/** True when `read` may be `expected` misread: letters within the allowed slips, any digits exactly. */
export function wordsMatch(read: string, expected: string): boolean {
  if (read.length === 0 || expected.length === 0) return false;
  const readDigits = read.replace(/[^0-9]/g, '');
  const expectedDigits = expected.replace(/[^0-9]/g, '');
  if (readDigits !== expectedDigits) return false;
  return editDistance(read, expected) <= allowedSlips(expected.length);
}

export interface PhraseMatch {
  /** Index of the first and last word of the line that matched. */
  readonly firstWord: number;
  readonly lastWord: number;
  /** Edit distance of the match (0 exact); smaller is better. */
  readonly distance: number;
}

/**
 * Where a phrase (a candidate's or precinct's name, one or more words) is on a line of words, best
 * match first, or null. The phrase may be read as fewer words ("Van Buren" read "VanBuren") or more.
 */
export function findPhrase(lineWords: readonly string[], phrase: string): PhraseMatch | null {
  const target = phrase.split(/\s+/).map(normalizeWord).filter(Boolean).join('');
  if (target.length === 0) return null;
  const words = lineWords.map(normalizeWord);
  let best: PhraseMatch | null = null;
  for (let first = 0; first < words.length; first += 1) {
    let joined = '';
    for (let last = first; last < words.length && last < first + 4; last += 1) {
      joined += words[last] as string;
      if ((words[first] as string).length === 0) break;
      if (joined.length > target.length + allowedSlips(target.length)) break;
      if (!wordsMatch(joined, target)) continue;
      const distance = editDistance(joined, target);
      if (!best || distance < best.distance) best = { firstWord: first, lastWord: last, distance };
    }
  }
  return best;
}
