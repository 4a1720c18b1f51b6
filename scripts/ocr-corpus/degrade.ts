/**
 * Makes a clean sheet look scanned or photographed badly: turned a little or upside down,
 * seen at an angle by a phone, unevenly lit, blurred, grainy, JPEG-compressed. Every step is
 * driven by the seeded random source, and every parameter used is returned for the manifest.
 */
import { type Canvas, createCanvas } from '@napi-rs/canvas';
import { applyHomography, homographyFrom, type Point } from './homography';
import type { Random } from './random';

/** What was done to a page, in the order it was done. Angles clockwise, in degrees. */
export interface Degradations {
  /** Whole quarter turns clockwise (0, 1, 2, 3): a page fed sideways or upside down. */
  quarterTurns: number;
  /** Small skew, clockwise degrees, applied before the quarter turns. */
  skewDegrees: number;
  /** Phone photo: where the page's corners (TL, TR, BR, BL) landed in the photo, in photo pixels. */
  perspective: readonly Point[] | null;
  /** Strength of uneven lighting: 0 none, 1 a strong shadow across the page. */
  shading: number;
  /** Gaussian blur radius in pixels. */
  blur: number;
  /** Standard deviation of added grain, in 0..255 levels. */
  noise: number;
  /** Brightness multiplier: 1 normal, near 0 a photo taken in the dark. */
  brightness: number;
  /** JPEG quality when written as JPEG (or embedded in a PDF), else null. */
  jpegQuality: number | null;
}

export const NO_DEGRADATION: Degradations = {
  quarterTurns: 0,
  skewDegrees: 0,
  perspective: null,
  shading: 0,
  blur: 0,
  noise: 0,
  brightness: 1,
  jpegQuality: null,
};

/** The page turned by `rotationDegrees` clockwise overall (quarter turns plus skew), as a reader sees it. */
export function totalRotation(degradations: Degradations): number {
  return (((degradations.quarterTurns * 90 + degradations.skewDegrees) % 360) + 360) % 360;
}

/** Applies the degradations in a fixed order: skew, perspective, turns, light, blur, grain. */
export function degrade(page: Canvas, degradations: Degradations, random: Random): Canvas {
  let canvas = page;
  if (degradations.skewDegrees !== 0) canvas = skew(canvas, degradations.skewDegrees, random);
  if (degradations.perspective) canvas = photograph(canvas, degradations.perspective, random);
  if (degradations.quarterTurns % 4 !== 0) canvas = quarterTurn(canvas, degradations.quarterTurns);
  if (degradations.shading > 0) shade(canvas, degradations.shading, random);
  if (degradations.blur > 0) canvas = blur(canvas, degradations.blur);
  if (degradations.noise > 0 || degradations.brightness !== 1) {
    grainAndLight(canvas, degradations.noise, degradations.brightness, random);
  }
  return canvas;
}

/** Corners of a phone photo of a `width` x `height` page: the page fills most of the frame, tilted. */
export function randomPhotoCorners(random: Random, width: number, height: number, strength: number): Point[] {
  const margin = { x: width * 0.06, y: height * 0.05 };
  const wobble = (size: number) => random.between(-1, 1) * size * 0.05 * strength;
  // Keystone: one edge nearer the camera looks wider.
  const keystone = random.between(-1, 1) * width * 0.05 * strength;
  return [
    { x: margin.x + keystone + wobble(width), y: margin.y + wobble(height) },
    { x: width - margin.x - keystone + wobble(width), y: margin.y + wobble(height) },
    { x: width - margin.x + wobble(width), y: height - margin.y + wobble(height) },
    { x: margin.x + wobble(width), y: height - margin.y + wobble(height) },
  ];
}

function skew(page: Canvas, degrees: number, random: Random): Canvas {
  const canvas = createCanvas(page.width, page.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  // A scanner's glass: the page also slides a few pixels.
  context.translate(canvas.width / 2 + random.between(-8, 8), canvas.height / 2 + random.between(-8, 8));
  context.rotate((degrees * Math.PI) / 180);
  context.drawImage(page, -page.width / 2, -page.height / 2);
  return canvas;
}

function quarterTurn(page: Canvas, turns: number): Canvas {
  const quarter = ((turns % 4) + 4) % 4;
  const sideways = quarter % 2 === 1;
  const canvas = createCanvas(sideways ? page.height : page.width, sideways ? page.width : page.height);
  const context = canvas.getContext('2d');
  context.translate(canvas.width / 2, canvas.height / 2);
  context.rotate((quarter * Math.PI) / 2);
  context.drawImage(page, -page.width / 2, -page.height / 2);
  return canvas;
}

/** The page on a table, photographed from an angle: an inverse-mapped homography with bilinear sampling. */
function photograph(page: Canvas, corners: readonly Point[], random: Random): Canvas {
  const source = page.getContext('2d').getImageData(0, 0, page.width, page.height);
  const canvas = createCanvas(page.width, page.height);
  const context = canvas.getContext('2d');
  const target = context.createImageData(canvas.width, canvas.height);
  const pageCorners = [
    { x: 0, y: 0 },
    { x: page.width, y: 0 },
    { x: page.width, y: page.height },
    { x: 0, y: page.height },
  ];
  const toPage = homographyFrom(corners, pageCorners);
  const table = [random.int(70, 120), random.int(55, 95), random.int(40, 70)];
  const src = source.data;
  const out = target.data;
  const w = page.width;
  const h = page.height;
  for (let y = 0; y < canvas.height; y += 1) {
    for (let x = 0; x < canvas.width; x += 1) {
      const at = (y * canvas.width + x) * 4;
      const p = applyHomography(toPage, { x: x + 0.5, y: y + 0.5 });
      const sx = p.x - 0.5;
      const sy = p.y - 0.5;
      if (sx < 0 || sy < 0 || sx >= w - 1 || sy >= h - 1) {
        // The table under the page, with a little texture.
        const grain = ((x * 7 + y * 13) % 11) - 5;
        out[at] = (table[0] ?? 90) + grain;
        out[at + 1] = (table[1] ?? 70) + grain;
        out[at + 2] = (table[2] ?? 50) + grain;
        out[at + 3] = 255;
        continue;
      }
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const i00 = (y0 * w + x0) * 4;
      const i10 = i00 + 4;
      const i01 = i00 + w * 4;
      const i11 = i01 + 4;
      for (let channel = 0; channel < 3; channel += 1) {
        const top = (src[i00 + channel] ?? 0) * (1 - fx) + (src[i10 + channel] ?? 0) * fx;
        const bottom = (src[i01 + channel] ?? 0) * (1 - fx) + (src[i11 + channel] ?? 0) * fx;
        out[at + channel] = top * (1 - fy) + bottom * fy;
      }
      out[at + 3] = 255;
    }
  }
  context.putImageData(target, 0, 0);
  return canvas;
}

/** Uneven light: a shadow falling across the page from one side, and darker corners. */
function shade(canvas: Canvas, strength: number, random: Random): void {
  const context = canvas.getContext('2d');
  const angle = random.between(0, Math.PI * 2);
  const cx = canvas.width / 2;
  const cy = canvas.height / 2;
  const reach = Math.hypot(cx, cy);
  const gradient = context.createLinearGradient(
    cx - Math.cos(angle) * reach,
    cy - Math.sin(angle) * reach,
    cx + Math.cos(angle) * reach,
    cy + Math.sin(angle) * reach,
  );
  const dark = Math.round(255 * (1 - 0.55 * strength));
  gradient.addColorStop(0, 'rgb(255,255,255)');
  gradient.addColorStop(1, `rgb(${dark},${dark},${Math.round(dark * 0.95)})`);
  context.save();
  context.globalCompositeOperation = 'multiply';
  context.fillStyle = gradient;
  context.fillRect(0, 0, canvas.width, canvas.height);
  const vignette = context.createRadialGradient(cx, cy, reach * 0.4, cx, cy, reach);
  const corner = Math.round(255 * (1 - 0.3 * strength));
  vignette.addColorStop(0, 'rgb(255,255,255)');
  vignette.addColorStop(1, `rgb(${corner},${corner},${corner})`);
  context.fillStyle = vignette;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.restore();
}

function blur(page: Canvas, radius: number): Canvas {
  const canvas = createCanvas(page.width, page.height);
  const context = canvas.getContext('2d');
  context.filter = `blur(${radius.toFixed(2)}px)`;
  context.drawImage(page, 0, 0);
  return canvas;
}

function grainAndLight(canvas: Canvas, noise: number, brightness: number, random: Random): void {
  const context = canvas.getContext('2d');
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  const data = image.data;
  for (let at = 0; at < data.length; at += 4) {
    // One grain value per pixel for all channels: sensor noise is mostly in brightness.
    const grain = noise > 0 ? random.normal() * noise : 0;
    for (let channel = 0; channel < 3; channel += 1) {
      data[at + channel] = (data[at + channel] ?? 0) * brightness + grain;
    }
  }
  context.putImageData(image, 0, 0);
}
