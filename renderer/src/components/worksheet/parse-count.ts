/** A worksheet box as typed: what the keyed worksheet sends, and what it says about a box that is not a number. */
const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;

/** Empty box -> null; a number as typed (the checker judges negatives and fractions); otherwise a problem. */
export function parseCount(text: string): { value: number | null; problem: string | null } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null, problem: null };
  if (NUMBER_PATTERN.test(trimmed)) return { value: Number(trimmed), problem: null };
  return { value: null, problem: `“${trimmed}” is not a number. Type digits only.` };
}
