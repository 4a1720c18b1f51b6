import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIGIT_SIZE } from './digit-crop';

/**
 * The in-process digit classifier, the second of the two engines: a small multilayer perceptron
 * (784 -> hidden ReLU -> 10 softmax) trained by scripts/ocr/train-digit-classifier.ts on the
 * `mnist` package's digits and digits rendered from fonts (resources/ocr/digit-model.json says
 * which). It reads one normalised 28x28 box at a time, in microseconds, with no worker.
 */
export interface DigitModel {
  readonly inputs: number;
  readonly hidden: number;
  /** hidden x inputs, row-major. */
  readonly w1: Float32Array;
  readonly b1: Float32Array;
  /** 10 x hidden, row-major. */
  readonly w2: Float32Array;
  readonly b2: Float32Array;
}

export interface DigitModelFile {
  readonly format: 'tallyroom-digit-mlp';
  readonly version: 1;
  readonly inputs: number;
  readonly hidden: number;
  /** Little-endian float32 arrays, base64. */
  readonly w1: string;
  readonly b1: string;
  readonly w2: string;
  readonly b2: string;
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

export function loadDigitModel(path: string = DIGIT_MODEL_PATH): DigitModel {
  return parseDigitModel(JSON.parse(readFileSync(path, 'utf8')) as DigitModelFile);
}

export function parseDigitModel(file: DigitModelFile): DigitModel {
  if (file.format !== 'tallyroom-digit-mlp' || file.version !== 1 || file.inputs !== DIGIT_SIZE * DIGIT_SIZE) {
    throw new Error('resources/ocr/digit-model.json is not a digit model this reader knows');
  }
  const model = {
    inputs: file.inputs,
    hidden: file.hidden,
    w1: floats(file.w1),
    b1: floats(file.b1),
    w2: floats(file.w2),
    b2: floats(file.b2),
  };
  if (
    model.w1.length !== model.hidden * model.inputs ||
    model.b1.length !== model.hidden ||
    model.w2.length !== 10 * model.hidden ||
    model.b2.length !== 10
  ) {
    throw new Error('resources/ocr/digit-model.json is damaged: its weights do not have the sizes it declares');
  }
  return model;
}

export function serializeDigitModel(model: DigitModel, training: Record<string, unknown>): DigitModelFile {
  return {
    format: 'tallyroom-digit-mlp',
    version: 1,
    inputs: model.inputs,
    hidden: model.hidden,
    w1: base64(model.w1),
    b1: base64(model.b1),
    w2: base64(model.w2),
    b2: base64(model.b2),
    training,
  };
}

/** Softmax probabilities of the ten digits for one normalised 28x28 input. */
export function digitProbabilities(model: DigitModel, input: Float32Array): Float32Array {
  const hidden = new Float32Array(model.hidden);
  for (let h = 0; h < model.hidden; h += 1) {
    let sum = model.b1[h] as number;
    const row = h * model.inputs;
    for (let i = 0; i < model.inputs; i += 1) {
      const x = input[i] as number;
      if (x !== 0) sum += (model.w1[row + i] as number) * x;
    }
    hidden[h] = Math.max(sum, 0);
  }
  const logits = new Float32Array(10);
  let max = Number.NEGATIVE_INFINITY;
  for (let d = 0; d < 10; d += 1) {
    let sum = model.b2[d] as number;
    const row = d * model.hidden;
    for (let h = 0; h < model.hidden; h += 1) sum += (model.w2[row + h] as number) * (hidden[h] as number);
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

export function classifyDigit(model: DigitModel, input: Float32Array): DigitGuess {
  const probabilities = digitProbabilities(model, input);
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
