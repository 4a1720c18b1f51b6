/**
 * Handwriting drawn from pen strokes, not from a font: each digit is a few strokes (a centre line
 * the pen follows), and each writer has their own habits, kept for every digit they write:
 * which shape they make of each digit (a 1 with or without its flag, a crossed 7, an open 4, a
 * narrow 0), slant, width, pen width, how far they close their loops, how big they write and
 * whether they run over the box's border, how shaky and hurried they are. Every sample of a
 * writer then varies a little (jitter, an elastic warp of the whole digit, a stroke the pen broke).
 *
 * A writer is made from a number (`strokeWriter(id)`), so training and evaluation take writers
 * from ranges that never meet (WRITER_RANGES): the reader is measured on hands it has never seen.
 * Used by the digit training (train-digit-classifier.ts), the calibration of the acceptance
 * thresholds and the scan corpus (scripts/ocr-corpus/render-sheet.ts).
 */
import { seededRandom } from './seeded-random';

/** Writer ids: training, calibrating the thresholds, and the evaluation. Disjoint by construction. */
export const WRITER_RANGES = {
  training: { from: 0, count: 100_000 },
  calibration: { from: 100_000, count: 100_000 },
  evaluation: { from: 200_000, count: 100_000 },
} as const;
export type WriterPurpose = keyof typeof WRITER_RANGES;

export function writerId(purpose: WriterPurpose, index: number): number {
  const range = WRITER_RANGES[purpose];
  if (index < 0 || index >= range.count) throw new RangeError(`writer ${index} is outside the ${purpose} range`);
  return range.from + index;
}

export function writerPurpose(id: number): WriterPurpose {
  for (const [purpose, range] of Object.entries(WRITER_RANGES)) {
    if (id >= range.from && id < range.from + range.count) return purpose as WriterPurpose;
  }
  throw new RangeError(`writer id ${id} is in no range`);
}

/** A point in the digit's own frame: x 0..~0.65 left to right, y 0..1 top to bottom. */
type Point = readonly [number, number];
type Stroke = readonly Point[];

export interface StrokeWriter {
  readonly id: number;
  /** Which shape this writer makes of each digit (index into SHAPES[digit]). */
  readonly shapes: readonly number[];
  /** Horizontal shear, as tan of the lean (negative leans right, as most people write). */
  readonly slant: number;
  /** Width of the digits against their height. */
  readonly width: number;
  /** Width of their zeros against their other digits (some write narrow zeros). */
  readonly zeroWidth: number;
  /** A zero pinched at its waist (the 0 read as 8). */
  readonly zeroPinch: number;
  /** Pen width as a share of the digit's height. */
  readonly pen: number;
  /** Degrees left open where a loop should close (0 closed, 50 a wide gap). */
  readonly loopGap: number;
  /** Digit height as a share of the box's. */
  readonly size: number;
  /** How often a digit runs over the box's border (0..1). */
  readonly overBorder: number;
  /** How often a stroke is broken by a pen lift or a dry pen (0..1). */
  readonly broken: number;
  /** Size of the elastic warp (share of the height). */
  readonly elastic: number;
  /** Per-point shake (share of the height). */
  readonly tremor: number;
  /** Ink darkness 0..1 (1 black). */
  readonly ink: number;
  /** A hurried writer: larger warps, more open loops, overshoots. */
  readonly hurried: boolean;
}

const ARC_STEPS = 28;

/** Points along an ellipse arc, angles in degrees, 0 = right, 90 = down (y grows downwards). */
function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number): Point[] {
  const steps = Math.max(4, Math.round((ARC_STEPS * Math.abs(to - from)) / 360));
  return Array.from({ length: steps + 1 }, (_, index) => {
    const angle = ((from + ((to - from) * index) / steps) * Math.PI) / 180;
    return [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)] as const;
  });
}

function line(...points: Point[]): Point[] {
  const out: Point[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const [x0, y0] = points[index] as Point;
    const [x1, y1] = points[index + 1] as Point;
    const steps = Math.max(2, Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 12));
    for (let step = index === 0 ? 0 : 1; step <= steps; step += 1) {
      out.push([x0 + ((x1 - x0) * step) / steps, y0 + ((y1 - y0) * step) / steps]);
    }
  }
  return out;
}

/** What shapes a digit's strokes, given the writer's habits that change a shape (loops, zeros). */
interface ShapeHabits {
  readonly gap: number;
  readonly zeroWidth: number;
  readonly zeroPinch: number;
  readonly overshoot: number;
}

type Shape = (habits: ShapeHabits) => Stroke[];

/** The shapes people make of each digit (US and European hands). */
const SHAPES: readonly (readonly Shape[])[] = [
  // 0: an oval from the top, anticlockwise, closing (or not) where it began; narrow or pinched.
  [
    ({ gap, zeroWidth, zeroPinch, overshoot }) => [zero(0.3, 0.28 * zeroWidth, gap, zeroPinch, overshoot, -1)],
    ({ gap, zeroWidth, zeroPinch, overshoot }) => [zero(0.3, 0.28 * zeroWidth, gap, zeroPinch, overshoot, 1)],
  ],
  // 1: a stick; with the European flag; with flag and foot.
  [
    () => [line([0.3, 0], [0.29, 1])],
    () => [line([0.08, 0.26], [0.33, 0], [0.31, 1])],
    () => [line([0.1, 0.22], [0.33, 0], [0.31, 1]), line([0.1, 1], [0.52, 1])],
  ],
  // 2: a hook and a flat base; with a little loop at the turn.
  [
    () => [[...arc(0.3, 0.28, 0.27, 0.27, 200, 360), ...line([0.57, 0.3], [0.04, 1], [0.62, 0.99])]],
    () => [
      [
        ...arc(0.3, 0.28, 0.27, 0.27, 200, 360),
        ...line([0.57, 0.3], [0.1, 0.9]),
        ...arc(0.13, 0.92, 0.08, 0.07, 200, 500).slice(1),
        ...line([0.2, 0.94], [0.62, 0.99]),
      ],
    ],
  ],
  // 3: two bowls; a flat top.
  [
    () => [[...arc(0.28, 0.25, 0.26, 0.24, 200, 450), ...arc(0.28, 0.73, 0.3, 0.26, 270, 520)]],
    () => [[...line([0.04, 0.02], [0.56, 0.02], [0.22, 0.43]), ...arc(0.28, 0.71, 0.3, 0.28, 270, 520)]],
  ],
  // 4: open top (the two strokes meet at the bar); closed top; the square "h" form.
  [
    () => [line([0.42, 0], [0.02, 0.66], [0.64, 0.66]), line([0.46, 0.22], [0.46, 1])],
    () => [line([0.46, 0], [0.02, 0.66], [0.64, 0.66]), line([0.46, 0], [0.46, 1])],
    () => [line([0.06, 0], [0.04, 0.6], [0.62, 0.6]), line([0.5, 0.08], [0.5, 1])],
  ],
  // 5: stem, bowl and a flag drawn after; the flag drawn first in one stroke.
  [
    () => [[...line([0.14, 0], [0.1, 0.45]), ...arc(0.3, 0.7, 0.28, 0.27, 235, 500)], line([0.14, 0], [0.58, 0])],
    () => [[...line([0.58, 0], [0.14, 0], [0.1, 0.45]), ...arc(0.3, 0.7, 0.28, 0.27, 235, 500)]],
  ],
  // 6: a curved stem into the loop; a straight stem.
  [
    ({ gap }) => [[...arc(0.5, 0.55, 0.45, 0.55, 250, 180), ...arc(0.31, 0.73, 0.26, 0.25, 180, 540 - gap)]],
    ({ gap }) => [[...line([0.5, 0], [0.08, 0.72]), ...arc(0.32, 0.74, 0.25, 0.24, 180, 540 - gap)]],
  ],
  // 7: plain; crossed; European (a small hook at the start, crossed).
  [
    () => [line([0.02, 0.02], [0.62, 0], [0.22, 1])],
    () => [line([0.02, 0.02], [0.62, 0], [0.22, 1]), line([0.16, 0.5], [0.56, 0.48])],
    () => [line([0.02, 0.14], [0.04, 0], [0.62, 0], [0.26, 1]), line([0.14, 0.52], [0.58, 0.5])],
  ],
  // 8: two loops; one figure-eight stroke.
  [
    ({ gap }) => [arc(0.31, 0.25, 0.2, 0.24, -90, 270 - gap / 2), arc(0.31, 0.74, 0.27, 0.26, -90, 270 - gap / 2)],
    () => [
      Array.from({ length: 41 }, (_, index): Point => {
        const t = (index / 40) * 2 * Math.PI;
        const y = 0.5 - 0.5 * Math.cos(t);
        // sin 2t: upper right going down, cross at the waist, lower left, round the foot, back up.
        return [0.31 + (y < 0.5 ? 0.21 : 0.28) * Math.sin(2 * t), y];
      }),
    ],
  ],
  // 9: a loop and a straight stem; a stem curving left at the foot.
  [
    ({ gap }) => [[...arc(0.3, 0.27, 0.26, 0.26, 0, -360 + gap), ...line([0.56, 0.27], [0.52, 1])]],
    ({ gap }) => [
      [
        ...arc(0.3, 0.27, 0.26, 0.26, 0, -360 + gap),
        ...line([0.56, 0.27], [0.5, 0.8]),
        ...arc(0.3, 0.8, 0.2, 0.2, 0, 120),
      ],
    ],
  ],
];

/** A zero: from the top, one way round, with the gap and the overshoot; narrow and pinched as the writer makes them. */
function zero(cx: number, rx: number, gap: number, pinch: number, overshoot: number, direction: 1 | -1): Point[] {
  const sweep = 360 - gap + overshoot;
  return arc(0, 0, 1, 1, -90, -90 + direction * sweep).map(([x, y], index, all) => {
    // Past the start, the pen runs a little inside the first stroke.
    const past = index / (all.length - 1) > (360 - gap) / sweep ? 0.9 : 1;
    const waist = 1 - pinch * Math.exp(-((y / 0.45) ** 2));
    return [cx + rx * x * waist * past, 0.5 + 0.5 * y * past] as const;
  });
}

/** Shape choice weights per digit: how common each form is among writers. */
const SHAPE_WEIGHTS: readonly (readonly number[])[] = [
  [0.6, 0.4],
  [0.55, 0.3, 0.15],
  [0.75, 0.25],
  [0.8, 0.2],
  [0.55, 0.3, 0.15],
  [0.6, 0.4],
  [0.6, 0.4],
  [0.55, 0.3, 0.15],
  [0.65, 0.35],
  [0.7, 0.3],
];

export function strokeWriter(id: number): StrokeWriter {
  const random = seededRandom(0x5eed0000 ^ Math.imul(id + 1, 2654435761));
  const between = (min: number, max: number) => min + (max - min) * random();
  const hurried = random() < 0.3;
  const shapes = SHAPE_WEIGHTS.map((weights) => {
    let pick = random();
    for (const [index, weight] of weights.entries()) {
      if (pick < weight) return index;
      pick -= weight;
    }
    return 0;
  });
  const narrowZeros = random() < 0.35;
  return {
    id,
    shapes,
    slant: between(-0.4, 0.15),
    width: between(0.7, 1.3),
    zeroWidth: narrowZeros ? between(0.4, 0.7) : between(0.75, 1.1),
    zeroPinch: narrowZeros && random() < 0.5 ? between(0.1, 0.3) : 0,
    pen: between(0.05, 0.13),
    loopGap: hurried ? between(10, 55) : between(0, 20),
    size: between(0.55, 0.95),
    overBorder: random() < 0.3 ? between(0.1, 0.5) : 0,
    broken: random() < 0.3 ? between(0.1, 0.4) : 0,
    elastic: hurried ? between(0.025, 0.055) : between(0.008, 0.03),
    tremor: hurried ? between(0.004, 0.012) : between(0, 0.006),
    ink: between(0.55, 1),
    hurried,
  };
}

/** Where a digit goes, in the canvas's current units: the box it is written in. */
export interface WriteBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A 2D context with what drawing a pen stroke needs (canvas and @napi-rs/canvas both fit). */
export interface PenContext {
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  strokeStyle: unknown;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
}

/**
 * The pen strokes of one sample of `digit` by `writer`, in the box's units (x, y as drawn),
 * with the pen width: jitter, slant, elastic warp, breaks and a run over the border applied.
 */
export function digitStrokes(
  digit: number,
  writer: StrokeWriter,
  box: WriteBox,
  random: () => number,
): { strokes: Point[][]; penWidth: number } {
  const between = (min: number, max: number) => min + (max - min) * random();
  const shape = (SHAPES[digit] as readonly Shape[])[writer.shapes[digit] as number] as Shape;
  const habits: ShapeHabits = {
    gap: Math.max(0, writer.loopGap + between(-8, 8)),
    zeroWidth: writer.zeroWidth * between(0.92, 1.08),
    zeroPinch: writer.zeroPinch,
    overshoot: writer.hurried ? between(0, 35) : between(0, 12),
  };
  const runOver = random() < writer.overBorder;
  const height = box.height * Math.min(1.15, writer.size * between(0.9, 1.1) * (runOver ? between(1.05, 1.2) : 1));
  const width = height * writer.width * between(0.92, 1.08);
  const slant = writer.slant + between(-0.06, 0.06);
  const turn = ((between(-5, 5) + (writer.hurried ? between(-4, 4) : 0)) * Math.PI) / 180;
  // Where the digit sits: centred with some wander; a run over the border pushes it to an edge.
  const wander = runOver ? 0.16 : 0.08;
  const centerX = box.x + box.width * (0.5 + between(-wander, wander));
  const centerY = box.y + box.height * (0.5 + between(-wander * 0.8, wander * 0.8));
  const field = elasticField(writer.elastic, random);
  const strokes: Point[][] = [];
  for (const stroke of shape(habits)) {
    const placed = stroke.map(([x, y]): Point => {
      const [wx, wy] = field(x, y);
      const jx = (x - 0.31 + wx + (random() - 0.5) * writer.tremor) * width;
      const jy = (y - 0.5 + wy + (random() - 0.5) * writer.tremor) * height;
      const sx = jx - slant * jy;
      return [centerX + sx * Math.cos(turn) - jy * Math.sin(turn), centerY + sx * Math.sin(turn) + jy * Math.cos(turn)];
    });
    strokes.push(...breakStroke(placed, writer.broken, random));
  }
  const penWidth = Math.max(0.6, height * writer.pen * between(0.85, 1.15));
  return { strokes, penWidth };
}

/** Draws one sample of `digit` by `writer` into `box` on a 2D context. */
export function drawStrokeDigit(
  context: PenContext,
  digit: number,
  writer: StrokeWriter,
  box: WriteBox,
  random: () => number,
  colour?: string,
): void {
  const { strokes, penWidth } = digitStrokes(digit, writer, box, random);
  const level = Math.round(255 * (1 - writer.ink) * 0.6);
  context.strokeStyle = colour ?? `rgb(${level},${level},${level})`;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  for (const stroke of strokes) {
    if (stroke.length < 2) continue;
    context.lineWidth = penWidth * (0.9 + 0.2 * random());
    context.beginPath();
    context.moveTo(...(stroke[0] as Point));
    for (const point of stroke.slice(1)) context.lineTo(...point);
    context.stroke();
  }
}

/** A smooth random displacement over the digit's frame: a few long waves, amplitude `size`. */
function elasticField(size: number, random: () => number): (x: number, y: number) => Point {
  const waves = Array.from({ length: 3 }, () => ({
    ax: (random() - 0.5) * 2 * size,
    ay: (random() - 0.5) * 2 * size,
    fx: 0.5 + random() * 1.5,
    fy: 0.5 + random() * 1.5,
    px: random() * 2 * Math.PI,
    py: random() * 2 * Math.PI,
  }));
  return (x, y) => {
    let dx = 0;
    let dy = 0;
    for (const wave of waves) {
      dx += wave.ax * Math.sin(wave.fx * y * Math.PI + wave.px);
      dy += wave.ay * Math.sin(wave.fy * x * Math.PI + wave.py);
    }
    return [dx, dy];
  };
}

/** Sometimes the pen skips: the stroke in two with a short gap (never a stroke of a few points). */
function breakStroke(stroke: Point[], chance: number, random: () => number): Point[][] {
  if (stroke.length < 12 || random() >= chance) return [stroke];
  const at = Math.floor(stroke.length * (0.25 + random() * 0.5));
  const skip = 1 + Math.floor(random() * 2);
  return [stroke.slice(0, at), stroke.slice(at + skip)];
}
