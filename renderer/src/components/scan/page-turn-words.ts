/**
 * How a scanned page was turned to be read, in words (the reader reports 0-360°, 0.1° steps):
 * a straight page says "straight", never "turned 359°".
 */
export function pageTurnWords(degrees: number): string {
  // Signed, in (-180, 180]: 359.6° is 0.4° the other way.
  const signed = 180 - ((((180 - degrees) % 360) + 360) % 360);
  const quarter = Math.round(signed / 90) * 90;
  const skew = Math.abs(signed - quarter);
  const turn = quarter === 0 ? null : Math.abs(quarter) === 180 ? 'upside down' : 'on its side';
  const straightened = skew >= 0.5 ? `straightened by ${skew.toFixed(1)}°` : null;
  if (!turn && !straightened) return 'page straight';
  if (!turn) return `page ${straightened}`;
  return `page was ${turn}${straightened ? `, ${straightened}` : ''}`;
}
