/**
 * Calibrates the networks-alone threshold of the acceptance rule (decide-fields.ts,
 * ACCEPT_THRESHOLDS.networksAlone) on pen-stroke writers the networks were never trained on, and
 * reports the calibration curve on other never-trained writers (docs/OCR.md, "Calibration").
 *
 *   nice -n 10 npx tsx scripts/ocr/calibrate-thresholds.ts [--model FILE] [--writers N] [--samples N]
 *
 * A digit's score is what the rule looks at when tesseract does not confirm it: the lower of the
 * two networks' probabilities when both read the same digit, 0 when they read different digits.
 *  - calibration writers (stroke-hand.ts WRITER_RANGES.calibration): the threshold is the lowest
 *    score above every wrong digit's score among them, with a margin (one step of 0.001 up);
 *  - evaluation writers (WRITER_RANGES.evaluation): never used to choose anything; the curve (score
 *    bucket -> share read right) and how many wrong digits would pass the threshold are measured
 *    on them.
 * Deterministic: the same model and options give the same figures.
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { ACCEPT_THRESHOLDS } from '../../electron/core/ocr/decide-fields';
import {
  classifyDigit,
  DIGIT_MODEL_PATH,
  type DigitModel,
  loadDigitModel,
} from '../../electron/core/ocr/digit-classifier';
import { extractDigit } from '../../electron/core/ocr/digit-crop';
import { mnistAsBox, strokeDigitCrop } from './render-digit';
import { seededRandom } from './seeded-random';
import { strokeWriter, type WriterPurpose, writerId } from './stroke-hand';

/** Score bucket lower bounds of the curve. */
export const CURVE_BUCKETS = [0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999] as const;

export interface ScoredDigit {
  readonly label: number;
  readonly digit: number;
  /** min of the two networks' probabilities when they agree, else 0. */
  readonly score: number;
}

export interface CurveRow {
  readonly from: number;
  readonly to: number;
  readonly digits: number;
  readonly right: number;
}

/** The networks' score of every sample `samples` of each digit by `writers` writers of one range. */
export function scoreWriters(
  model: DigitModel,
  purpose: WriterPurpose,
  writers: number,
  samples: number,
  seed: number,
): ScoredDigit[] {
  const random = seededRandom(seed);
  const scored: ScoredDigit[] = [];
  for (let index = 0; index < writers; index += 1) {
    const writer = strokeWriter(writerId(purpose, index));
    for (let label = 0; label < 10; label += 1) {
      for (let sample = 0; sample < samples; sample += 1) {
        const ink = extractDigit(strokeDigitCrop(label, writer, random));
        if (!ink.normalized) continue;
        const pixels = classifyDigit(model.pixels, ink.normalized);
        const gradients = classifyDigit(model.gradients, ink.normalized);
        const agree = pixels.digit === gradients.digit;
        scored.push({
          label,
          digit: gradients.digit,
          score: agree ? Math.min(pixels.probability, gradients.probability) : 0,
        });
      }
    }
  }
  return scored;
}

/** The lowest threshold (in steps of 0.001) above every wrong digit's score, one step up for margin. */
export function thresholdAboveWrong(scored: readonly ScoredDigit[]): number {
  const worst = Math.max(0, ...scored.filter((entry) => entry.digit !== entry.label).map((entry) => entry.score));
  return Math.min(0.9999, Math.ceil(worst * 1000) / 1000 + 0.001);
}

export function calibrationCurve(scored: readonly ScoredDigit[]): CurveRow[] {
  return CURVE_BUCKETS.map((from, index) => {
    const to = CURVE_BUCKETS[index + 1] ?? 1.0000001;
    const inBucket = scored.filter((entry) => entry.score >= from && entry.score < to);
    return {
      from,
      to: Math.min(1, to),
      digits: inBucket.length,
      right: inBucket.filter((entry) => entry.digit === entry.label).length,
    };
  });
}

function main(): void {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: DIGIT_MODEL_PATH },
      writers: { type: 'string', default: '300' },
      samples: { type: 'string', default: '2' },
    },
  });
  const model = loadDigitModel(values.model);
  const writers = Number(values.writers);
  const samples = Number(values.samples);
  const calibration = scoreWriters(model, 'calibration', writers, samples, 7);
  const evaluation = scoreWriters(model, 'evaluation', writers, samples, 11);
  const threshold = thresholdAboveWrong(calibration);
  const passing = (scored: readonly ScoredDigit[]) => scored.filter((entry) => entry.score >= threshold);
  const summary = (scored: readonly ScoredDigit[]) => ({
    digits: scored.length,
    readRight: share(scored.filter((entry) => entry.digit === entry.label).length, scored.length),
    sureAtThreshold: share(passing(scored).length, scored.length),
    wrongAtThreshold: passing(scored).filter((entry) => entry.digit !== entry.label).length,
  });
  const mnist = scoreMnistAside(model);
  const result = {
    model: values.model,
    networksAlone: threshold,
    currentThreshold: ACCEPT_THRESHOLDS.networksAlone,
    calibrationWriters: { writers, samplesPerDigit: samples, ...summary(calibration) },
    evaluationWriters: { writers, samplesPerDigit: samples, ...summary(evaluation) },
    // Real people's digits, but from MNIST's training set with no writer ids: its writers may be
    // among those trained on (train-digit-classifier.ts keeps every tenth digit aside).
    mnistSetAside: summary(mnist),
    curve: calibrationCurve(evaluation),
  };
  console.log(JSON.stringify(result, null, 2));
  console.log('\n| score (min of the two networks) | digits | read right |\n|---|---|---|');
  for (const row of result.curve) {
    console.log(
      `| ${row.from.toFixed(3)}–${row.to.toFixed(3)} | ${row.digits} | ${row.digits === 0 ? '-' : `${(100 * share(row.right, row.digits)).toFixed(2)}%`} |`,
    );
  }
}

/** The tenth of the mnist package's digits the training keeps aside, scored the same way. */
function scoreMnistAside(model: DigitModel): ScoredDigit[] {
  const mnist = createRequire(import.meta.url)('mnist') as Record<
    number,
    { length: number; get(index: number): number[] }
  >;
  const random = seededRandom(13);
  const scored: ScoredDigit[] = [];
  for (let label = 0; label < 10; label += 1) {
    const set = mnist[label] as { length: number; get(index: number): number[] };
    for (let index = 0; index < set.length; index += 10) {
      const ink = extractDigit(mnistAsBox(set.get(index), random));
      if (!ink.normalized) continue;
      const pixels = classifyDigit(model.pixels, ink.normalized);
      const gradients = classifyDigit(model.gradients, ink.normalized);
      const agree = pixels.digit === gradients.digit;
      scored.push({
        label,
        digit: gradients.digit,
        score: agree ? Math.min(pixels.probability, gradients.probability) : 0,
      });
    }
  }
  return scored;
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 10000;
}

if (process.argv[1]?.endsWith('calibrate-thresholds.ts')) main();
