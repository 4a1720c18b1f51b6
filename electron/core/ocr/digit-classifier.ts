import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DigitFeatures, digitFeatures, featureLength } from './digit-features';

/**
 * The in-process digit classifiers: two small multilayer perceptrons (inputs -> hidden ReLU ->
 * 10 softmax), one over the digit's pixels and one over its stroke directions
 * (digit-features.ts), trained by scripts/ocr/train-digit-classifier.ts on the `mnist`
 * package's digits and digits rendered from fonts (resources/ocr/digit-model.json says which).
 * Each reads one normalised 28x28 box at a time, in microseconds, with no worker. Two networks
 * that look at different things rarely make the same mistake confidently; the acceptance rule
 * (decide-fields.ts) counts on that only together with the sheet's arithmetic.
 */
export interface DigitNet {
  readonly features: DigitFeatures;
  readonly inputs: number;
  readonly hidden: number;
  /** hidden x inputs, row-major. */
  readonly w1: Float32Array;
  readonly b1: Float32Array;
  /** 10 x hidden, row-major. */
  readonly w2: Float32Array;
  readonly b2: Float32Array;
}

/** Both networks, as the reader uses them. */
export interface DigitModel {
  readonly pixels: DigitNet;
  readonly gradients: DigitNet;
}

interface DigitNetFile {
  readonly features: DigitFeatures;
  readonly inputs: number;
  readonly hidden: number;
  /** Little-endian float32 arrays, base64. */
  readonly w1: string;
  readonly b1: string;
  readonly w2: string;
  readonly b2: string;
}

export interface DigitModelFile {
  readonly format: 'tallyroom-digit-mlp';
  readonly version: 2;
  readonly nets: readonly DigitNetFile[];
  readonly training: Record<string, unknown>;
}

export interface DigitGuess {
  readonly digit: number;
  /** Softmax probability of that digit. */
  readonly probability: number;
  /** The runner-up's probability (a close second means the read is not safe). */
  readonly runnerUp: number;
}

export const DIGIT_MODEL_PATH = join(import.meta.dirname, '../../../resources/ocr/digit-model.json');

const DAMAGED = 'resources/ocr/digit-model.json is not a digit model this reader knows';

export function loadDigitModel(path: string = DIGIT_MODEL_PATH): DigitModel {
  return parseDigitModel(JSON.parse(readFileSync(path, 'utf8')) as DigitModelFile);
}

export function parseDigitModel(file: DigitModelFile): DigitModel {
  if (file.format !== 'tallyroom-digit-mlp' || file.version !== 2 || !Array.isArray(file.nets)) {
    throw new Error(DAMAGED);
  }
  const net = (features: DigitFeatures) => {
    const entry = file.nets.find((candidate) => candidate.features === features);
    if (!entry) throw new Error(`${DAMAGED}: it has no '${features}' network`);
    return parseNet(entry);
  };
  return { pixels: net('pixels'), gradients: net('gradients') };
}

function parseNet(file: DigitNetFile): DigitNet {
  if (file.inputs !== featureLength(file.features)) throw new Error(DAMAGED);
  const net = {
    features: file.features,
    inputs: file.inputs,
    hidden: file.hidden,
    w1: floats(file.w1),
    b1: floats(file.b1),
    w2: floats(file.w2),
    b2: floats(file.b2),
  };
  if (
    net.w1.length !== net.hidden * net.inputs ||
    net.b1.length !== net.hidden ||
    net.w2.length !== 10 * net.hidden ||
    net.b2.length !== 10
  ) {
    throw new Error('resources/ocr/digit-model.json is damaged: its weights do not have the sizes it declares');
  }
  return net;
}

export function serializeDigitModel(model: DigitModel, training: Record<string, unknown>): DigitModelFile {
  const net = (entry: DigitNet): DigitNetFile => ({
    features: entry.features,
    inputs: entry.inputs,
    hidden: entry.hidden,
    w1: base64(entry.w1),
    b1: base64(entry.b1),
    w2: base64(entry.w2),
    b2: base64(entry.b2),
  });
  return { format: 'tallyroom-digit-mlp', version: 2, nets: [net(model.pixels), net(model.gradients)], training };
}

/** Softmax probabilities of the ten digits for a network's input (see digitFeatures). */
export function digitProbabilities(net: DigitNet, input: Float32Array): Float32Array {
  const hidden = new Float32Array(net.hidden);
  for (let h = 0; h < net.hidden; h += 1) {
    let sum = net.b1[h] as number;
    const row = h * net.inputs;
    for (let i = 0; i < net.inputs; i += 1) {
      const x = input[i] as number;
      if (x !== 0) sum += (net.w1[row + i] as number) * x;
    }
    hidden[h] = Math.max(sum, 0);
  }
  const logits = new Float32Array(10);
  let max = Number.NEGATIVE_INFINITY;
  for (let d = 0; d < 10; d += 1) {
    let sum = net.b2[d] as number;
    const row = d * net.hidden;
    for (let h = 0; h < net.hidden; h += 1) sum += (net.w2[row + h] as number) * (hidden[h] as number);
    logits[d] = sum;
    if (sum > max) max = sum;
  }
  let total = 0;
  for (let d = 0; d < 10; d += 1) {
    const e = Math.exp((logits[d] as number) - max);
    logits[d] = e;
    total += e;
  }
  for (let d = 0; d < 10; d += 1) logits[d] = (logits[d] as number) / total;
  return logits;
}

/** One network's reading of one normalised 28x28 digit. */
export function classifyDigit(net: DigitNet, normalized: Float32Array): DigitGuess {
  return guessOf(digitProbabilities(net, digitFeatures(net.features, normalized)));
}

export function guessOf(probabilities: Float32Array): DigitGuess {
  let digit = 0;
  for (let d = 1; d < 10; d += 1) if ((probabilities[d] as number) > (probabilities[digit] as number)) digit = d;
  let runnerUp = 0;
  for (let d = 0; d < 10; d += 1) if (d !== digit) runnerUp = Math.max(runnerUp, probabilities[d] as number);
  return { digit, probability: probabilities[digit] as number, runnerUp };
}

function floats(encoded: string): Float32Array {
  const bytes = Buffer.from(encoded, 'base64');
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i += 1) out[i] = bytes.readFloatLE(i * 4);
  return out;
}

function base64(values: Float32Array): string {
  const bytes = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i += 1) bytes.writeFloatLE(values[i] as number, i * 4);
  return bytes.toString('base64');
}
