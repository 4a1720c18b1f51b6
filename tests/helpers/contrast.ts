/**
 * WCAG 2.1 contrast (docs/ACCESSIBILITY.md): relative luminance of sRGB colours and the ratio
 * between two of them, as axe-core computes it for text. Used where axe cannot look: SVG chart
 * graphics, the CSS palette's pairs, and the colours printed reports draw text with.
 */

/** Red, green and blue from 0 to 1. */
export type Rgb = readonly [number, number, number];

/** '#rgb' or '#rrggbb' as channels from 0 to 1. */
export function parseHex(hex: string): Rgb {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a hex colour: ${hex}`);
  return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16) / 255) as unknown as Rgb;
}

export function relativeLuminance([red, green, blue]: Rgb): number {
  const linear = (channel: number) => (channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** From 1 (same colour) to 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG 1.4.3 (text) and 1.4.11 (large text, graphics and controls' boundaries). */
export const MIN_TEXT_CONTRAST = 4.5;
export const MIN_GRAPHIC_CONTRAST = 3;
