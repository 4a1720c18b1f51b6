import { adaptiveThreshold } from './adaptive-threshold';
import type { GrayImage } from './gray-image';

/**
 * A photo of a table, made easy for full-page OCR: ink black on white paper (an adaptive
 * threshold, so a shadow or the dark table under the sheet does not become ink), and the table's
 * rules wiped out. Tesseract reads a digit boxed in by ruled lines poorly or not at all (a lone
 * "0" in a ruled cell vanishes), and it takes the lines for letters ("1", "|", "_").
 */
export function cleanTablePage(image: GrayImage): GrayImage {
  const { width, height } = image;
  const ink = adaptiveThreshold(image, 1 / 16, 0.2);
  // A rule is a run of ink much longer than any letter is wide. Looking one pixel above and below
  // keeps a slightly tilted line one run instead of short steps.
  const minRun = Math.max(40, Math.round(Math.max(width, height) / 14));
  const rule = new Uint8Array(width * height);
  markRuns(ink, rule, width, height, minRun, true);
  markRuns(ink, rule, width, height, minRun, false);
  const data = new Uint8Array(width * height);
  for (let index = 0; index < data.length; index += 1) {
    data[index] = ink[index] === 1 && rule[index] === 0 ? 0 : 255;
  }
  return { width, height, data };
}

/** How far above and below (or left and right) a run may step and stay one run: a tilt of about 3 degrees. */
const REACH = 2;

/** Marks in `rule` the ink of every run at least `minRun` long, along rows or along columns. */
function markRuns(
  ink: Uint8Array,
  rule: Uint8Array,
  width: number,
  height: number,
  minRun: number,
  horizontal: boolean,
): void {
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const at = (line: number, position: number) => (horizontal ? line * width + position : position * width + line);
  const inkNear = (line: number, position: number) => {
    for (let near = Math.max(0, line - REACH); near <= Math.min(lines - 1, line + REACH); near += 1) {
      if (ink[at(near, position)] === 1) return true;
    }
    return false;
  };
  for (let line = 0; line < lines; line += 1) {
    let start = -1;
    for (let position = 0; position <= length; position += 1) {
      const dark = position < length && inkNear(line, position);
      if (dark && start < 0) start = position;
      if (!dark && start >= 0) {
        if (position - start >= minRun) {
          // Only this line's own ink: the neighbours are judged on their own pass.
          for (let p = start; p < position; p += 1) if (ink[at(line, p)] === 1) rule[at(line, p)] = 1;
        }
        start = -1;
      }
    }
  }
}
