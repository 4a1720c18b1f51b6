import { type Canvas, createCanvas } from '@napi-rs/canvas';
import type { GrayImage } from '../../electron/core/ocr/gray-image';
import { boxCrop } from '../../electron/core/ocr/read-field';
import { ALIGNED_SCALE } from '../../electron/core/ocr/read-worksheet-scan';
import { BOX_WIDTH } from '../../electron/core/ocr/worksheet-layout';
import { drawStrokeDigit, type StrokeWriter } from './stroke-hand';

/**
 * One digit drawn into a comb box the way a person or a printer fills it, with the jitter a real
 * sheet has: size, position, slant, stroke weight, ink darkness, blur, paper noise, and sometimes
 * a sliver of the printed box line at an edge (alignment is never perfect).
 */
export interface DigitStyle {
  readonly family: string;
  readonly width: number;
  readonly height: number;
  readonly random: () => number;
  /** 0 = neat, 1 = sloppy. */
  readonly jitter: number;
}

export function renderDigitBox(digit: number, style: DigitStyle): GrayImage {
  const { width, height, random, jitter } = style;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  const size = height * (0.55 + random() * 0.3);
  const ink = Math.round(random() * 70 * jitter);
  context.fillStyle = `rgb(${ink},${ink},${ink})`;
  context.strokeStyle = context.fillStyle;
  context.font = `${size.toFixed(1)}px ${style.family}`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.translate(
    width / 2 + (random() - 0.5) * width * 0.25 * jitter,
    height / 2 + (random() - 0.5) * height * 0.2 * jitter,
  );
  context.rotate((random() - 0.5) * 0.35 * jitter);
  context.transform(1, 0, (random() - 0.5) * 0.4 * jitter, 1, 0, 0);
  context.fillText(String(digit), 0, 0);
  const weight = random() * 2.2 * jitter;
  if (weight > 0.4) {
    context.lineWidth = weight;
    context.strokeText(String(digit), 0, 0);
  }
  const image = context.getImageData(0, 0, width, height);
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i += 1) data[i] = image.data[i * 4] as number;
  let out: GrayImage = { width, height, data };
  if (random() < 0.5 * jitter) out = boxBlur(out);
  addNoise(out, random, 14 * jitter);
  if (random() < 0.35 * jitter) addEdgeSliver(out, random);
  return out;
}

/** An MNIST sample (28x28, 0..1 ink) as a box crop: dark ink on paper, scaled up, a little shifted. */
export function mnistAsBox(sample: readonly number[], random: () => number, width = 44, height = 56): GrayImage {
  const data = new Uint8Array(width * height).fill(255);
  const scale = (height * (0.9 + random() * 0.3)) / 28;
  const offsetX = (width - 28 * scale) / 2 + (random() - 0.5) * 4;
  const offsetY = (height - 28 * scale) / 2 + (random() - 0.5) * 4;
  const angle = (random() - 0.5) * 0.2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const rx = (x - width / 2) * cos + (y - height / 2) * sin + width / 2;
      const ry = -(x - width / 2) * sin + (y - height / 2) * cos + height / 2;
      const sx = Math.floor((rx - offsetX) / scale);
      const sy = Math.floor((ry - offsetY) / scale);
      if (sx < 0 || sy < 0 || sx >= 28 || sy >= 28) continue;
      data[y * width + x] = Math.round(255 - 235 * (sample[sy * 28 + sx] as number));
    }
  }
  const image = { width, height, data };
  addNoise(image, random, 10);
  return image;
}

function boxBlur(image: GrayImage): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      let count = 0;
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          sum += data[ny * width + nx] as number;
          count += 1;
        }
      }
      out[y * width + x] = sum / count;
    }
  }
  return { width, height, data: out };
}

function addNoise(image: GrayImage, random: () => number, amount: number): void {
  if (amount <= 0) return;
  for (let i = 0; i < image.data.length; i += 1) {
    const value = (image.data[i] as number) + (random() - 0.5) * 2 * amount;
    image.data[i] = Math.max(0, Math.min(255, Math.round(value)));
  }
}

function addEdgeSliver(image: GrayImage, random: () => number): void {
  const { width, height, data } = image;
  const side = Math.floor(random() * 4);
  const thickness = 1 + Math.floor(random() * 2);
  for (let t = 0; t < thickness; t += 1) {
    if (side < 2) {
      const y = side === 0 ? t : height - 1 - t;
      for (let x = 0; x < width; x += 1) data[y * width + x] = 40;
    } else {
      const x = side === 2 ? t : width - 1 - t;
      for (let y = 0; y < height; y += 1) data[y * width + x] = 40;
    }
  }
}

/**
 * One digit by a pen-stroke writer, written into a printed comb box on the aligned page (its
 * scale, its box sizes, the box's border line), then scanned a little (blur, grain, a pixel or
 * two of misalignment) and cropped by the reader's own boxCrop: what the reader sees of a box,
 * including a digit that ran over the border and had its end wiped with the line.
 */
export function strokeDigitCrop(digit: number, writer: StrokeWriter, random: () => number): GrayImage {
  const scale = ALIGNED_SCALE;
  const boxHeight = [24, 22, 20, 18][Math.floor(random() * 4)] as number;
  const margin = 6;
  const width = Math.round((BOX_WIDTH + 2 * margin) * scale);
  const height = Math.round((boxHeight + 2 * margin) * scale);
  // One canvas per size, reused: tens of thousands of canvases held native memory the garbage
  // collector did not see (gigabytes before it ran).
  const canvas = canvasOf(width, height);
  const context = canvas.getContext('2d');
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.setTransform(scale, 0, 0, scale, 0, 0);
  const box = { x: margin, y: margin, width: BOX_WIDTH, height: boxHeight };
  drawStrokeDigit(context, digit, writer, box, random);
  context.strokeStyle = '#000';
  context.lineWidth = 1;
  context.strokeRect(box.x, box.y, box.width, box.height);
  const image = context.getImageData(0, 0, width, height);
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i += 1) data[i] = image.data[i * 4] as number;
  let page: GrayImage = { width, height, data };
  if (random() < 0.5) page = boxBlur(page);
  addNoise(page, random, random() * 12);
  // Alignment is never exact: the reader crops where it believes the box is, a little off.
  const shift = () => (random() - 0.5) * 1.2;
  return boxCrop(page, { ...box, x: box.x + shift(), y: box.y + shift() }, scale);
}

const canvases = new Map<string, Canvas>();

function canvasOf(width: number, height: number): Canvas {
  const key = `${width}x${height}`;
  let canvas = canvases.get(key);
  if (!canvas) {
    canvas = createCanvas(width, height);
    canvases.set(key, canvas);
  }
  return canvas;
}
