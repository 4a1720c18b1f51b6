/** A worksheet box as typed: what the keyed worksheet sends, and what it says about a box that is not a number. */
const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;

export interface ParsedCount {
  /** The number as typed (null: empty or not a number). Negatives and fractions go to the checker, which names them. */
  readonly value: number | null;
  /** Why the box is not a number at all; the box's one message then. */
  readonly problem: string | null;
  /** Whether the box can count people or delegates: empty, or a whole number of 0 or more. Totals use only these. */
  readonly countable: boolean;
}

/** Empty box -> null; a number as typed (the checker judges negatives and fractions); otherwise a problem. */
export function parseCount(text: string): ParsedCount {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null, problem: null, countable: true };
  if (NUMBER_PATTERN.test(trimmed)) {
    const value = Number(trimmed);
    return { value, problem: null, countable: Number.isInteger(value) && value >= 0 };
  }
  return { value: null, problem: `“${trimmed}” is not a number. Type digits only.`, countable: false };
}
