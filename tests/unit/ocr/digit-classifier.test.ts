import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCEPT_THRESHOLDS } from '../../../electron/core/ocr/decide-fields';
import {
  classifyDigit,
  DIGIT_MODEL_PATH,
  type DigitModelFile,
  loadDigitModel,
  parseDigitModel,
} from '../../../electron/core/ocr/digit-classifier';
import { DIGIT_SIZE, extractDigit } from '../../../electron/core/ocr/digit-crop';
import { gradientFeatures } from '../../../electron/core/ocr/digit-features';
import { scoreWriters, thresholdAboveWrong } from '../../../scripts/ocr/calibrate-thresholds';
import { registerDigitFonts } from '../../../scripts/ocr/digit-fonts';
import { renderDigitBox } from '../../../scripts/ocr/render-digit';
import { seededRandom } from '../../../scripts/ocr/seeded-random';
import { strokeWriter, writerId, writerPurpose } from '../../../scripts/ocr/stroke-hand';

/** A 28x28 digit made of one bar: vertical (a "1") or horizontal, `width` pixels thick. */
function bar(direction: 'vertical' | 'horizontal', width: number): Float32Array {
  const out = new Float32Array(DIGIT_SIZE * DIGIT_SIZE);
  const from = Math.round(DIGIT_SIZE / 2 - width / 2);
  for (let along = 4; along < DIGIT_SIZE - 4; along += 1) {
    for (let across = from; across < from + width; across += 1) {
      const index = direction === 'vertical' ? along * DIGIT_SIZE + across : across * DIGIT_SIZE + along;
      out[index] = 1;
    }
  }
  return out;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += (a[i] as number) * (b[i] as number);
    normA += (a[i] as number) ** 2;
    normB += (b[i] as number) ** 2;
  }
  return dot / Math.sqrt(normA * normB);
}

describe('the digit networks', () => {
  const model = loadDigitModel();

  it('ship as one small file holding both networks', () => {
    expect(statSync(DIGIT_MODEL_PATH).size).toBeLessThan(2 * 1024 * 1024);
    expect(model.pixels.features).toBe('pixels');
    expect(model.gradients.features).toBe('gradients');
    expect(model.pixels.inputs).toBe(784);
    expect(model.gradients.inputs).toBe(392);
  });

  it('refuses a model file without the direction network, saying which file', () => {
    const file = JSON.parse(readFileSync(DIGIT_MODEL_PATH, 'utf8')) as DigitModelFile;
    const onlyPixels = { ...file, nets: file.nets.filter((net) => net.features === 'pixels') };
    expect(() => parseDigitModel(onlyPixels)).toThrow(/digit-model\.json.*'gradients'/);
  });

  it('each read every printed digit right, through the same crop the reader uses', () => {
    const font = registerDigitFonts().find((entry) => entry.file.endsWith('DejaVuSans.ttf'));
    if (!font) throw new Error('fonts-dejavu-core is not installed');
    const random = seededRandom(7);
    for (let digit = 0; digit < 10; digit += 1) {
      const box = renderDigitBox(digit, { family: font.family, width: 50, height: 60, random, jitter: 0.2 });
      const normalized = extractDigit(box).normalized as Float32Array;
      expect(classifyDigit(model.pixels, normalized).digit, `pixels, ${digit}`).toBe(digit);
      expect(classifyDigit(model.gradients, normalized).digit, `directions, ${digit}`).toBe(digit);
    }
  });

  it('see stroke directions, not how dark the ink is: a faint "1" is a dark "1", a dash is not', () => {
    const dark = gradientFeatures(bar('vertical', 3));
    const faint = gradientFeatures(bar('vertical', 3).map((ink) => ink * 0.3));
    const dash = gradientFeatures(bar('horizontal', 3));
    expect(cosine(dark, faint)).toBeGreaterThan(0.999);
    expect(cosine(dark, dash)).toBeLessThan(0.3);
  });

  it('read pen-stroke writers they were never trained on, and are never sure of a wrong digit', () => {
    // 40 writers of the evaluation range, every digit twice: nothing here was trained or calibrated on.
    const scored = scoreWriters(model, 'evaluation', 40, 2, 2026);
    const right = scored.filter((entry) => entry.digit === entry.label).length;
    expect(right / scored.length).toBeGreaterThan(0.97);
    const sureWrong = scored.filter(
      (entry) => entry.digit !== entry.label && entry.score >= ACCEPT_THRESHOLDS.networksAlone,
    );
    expect(sureWrong).toEqual([]);
    // Most digits are sure enough to go in on the networks' word alone.
    const sure = scored.filter((entry) => entry.score >= ACCEPT_THRESHOLDS.networksAlone).length;
    expect(sure / scored.length).toBeGreaterThan(0.85);
  });
});

describe('pen-stroke writers', () => {
  it('are the same writer for the same id, and training, calibration and evaluation never share one', () => {
    expect(strokeWriter(writerId('evaluation', 5))).toEqual(strokeWriter(writerId('evaluation', 5)));
    expect(strokeWriter(writerId('evaluation', 5))).not.toEqual(strokeWriter(writerId('evaluation', 6)));
    expect(writerPurpose(writerId('training', 99_999))).toBe('training');
    expect(writerPurpose(writerId('calibration', 0))).toBe('calibration');
    expect(writerPurpose(writerId('evaluation', 0))).toBe('evaluation');
    expect(() => writerId('training', 100_000)).toThrow(RangeError);
  });

  it('set the threshold just above the surest wrong digit', () => {
    const scored = [
      { label: 1, digit: 7, score: 0.9512 },
      { label: 1, digit: 1, score: 0.999 },
      { label: 0, digit: 8, score: 0.3 },
    ];
    expect(thresholdAboveWrong(scored)).toBeCloseTo(0.953, 6);
  });
});
