import type { NumberToken } from './foreign-reading';
import type { PixelBox } from './scan-reading';

/**
 * Letters tesseract reads in place of handwritten digits when every character is allowed: a round
 * zero is "o", a one "l" or "|", a six "G". Taken for digits only inside a word that has a real
 * digit too ("1O", "2l"), or for a lone round zero ("o"), which is how a tally sheet writes nothing.
 */
const DIGIT_SLIPS: Readonly<Record<string, string>> = {
  o: '0',
  O: '0',
  Q: '0',
  D: '0',
  l: '1',
  I: '1',
  i: '1',
  '|': '1',
  '!': '1',
  z: '2',
  Z: '2',
  S: '5',
  s: '5',
  G: '6',
  b: '6',
  B: '8',
  g: '9',
  q: '9',
};

/** Counts on a caucus sheet are whole numbers below a million; longer digit runs are phone numbers, dates, ids. */
const MAX_DIGITS = 6;

/** How much a word read with letters taken for digits is trusted, relative to a clean one. */
const SLIP_PENALTY = 0.6;

/** The value a word stands for, or null when it is not a count. */
export function numberOfWord(text: string): { value: number; slips: number } | null {
  // Table punctuation and stray rule marks around a number: "12,", "(4)", "|7|", "9."
  const core = text.replace(/^[\s([{|'"‘’“”.,:;_-]+|[\s)\]}|'"‘’“”.,:;_-]+$/g, '');
  if (core.length === 0 || core.length > MAX_DIGITS) return null;
  if (/^\d+$/.test(core)) return { value: Number(core), slips: 0 };
  if (core === 'o' || core === 'O') return { value: 0, slips: 1 };
  if (!/\d/.test(core)) return null;
  let digits = '';
  let slips = 0;
  for (const character of core) {
    if (/\d/.test(character)) digits += character;
    else if (DIGIT_SLIPS[character] !== undefined) {
      digits += DIGIT_SLIPS[character];
      slips += 1;
    } else return null;
  }
  // More letters than digits is a word with a number in it ("P03", "2nd"), not a count.
  if (slips * 2 > core.length) return null;
  return { value: Number(digits), slips };
}

/** Every count on the page, line by line and left to right within a line. */
export function numberTokens(
  lines: readonly {
    readonly words: readonly { readonly text: string; readonly box: PixelBox; readonly confidence: number }[];
  }[],
): NumberToken[] {
  const tokens: NumberToken[] = [];
  lines.forEach((line, lineIndex) => {
    const words = [...line.words].sort((a, b) => a.box.x - b.box.x);
    for (const word of words) {
      const number = numberOfWord(word.text);
      if (!number) continue;
      tokens.push({
        index: tokens.length,
        value: number.value,
        text: word.text,
        confidence: clamp01(word.confidence * (number.slips > 0 ? SLIP_PENALTY : 1)),
        box: word.box,
        line: lineIndex,
      });
    }
  });
  return tokens;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
