import { formatBytes } from '../files/format-bytes';
import { type AppError, appError, ok, type Result } from '../result';

/** Keys that could reach Object.prototype if any code ever merged this object into another. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON from a hostile source: UTF-8 only, size and nesting capped before parsing, and objects
 * with prototype-polluting keys refused outright rather than trusted to be handled later.
 */
export function parseUntrustedJson(
  fileName: string,
  bytes: Uint8Array,
  limits: { readonly maxBytes: number; readonly maxDepth: number },
): Result<unknown, AppError> {
  if (bytes.length === 0) return appError('FILE_EMPTY', `${fileName} is empty. Nothing was imported.`);
  if (bytes.length > limits.maxBytes) {
    return appError(
      'FILE_TOO_LARGE',
      `${fileName} is ${formatBytes(bytes.length)}, larger than a precinct report can be (${formatBytes(limits.maxBytes)}). Nothing was imported.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return appError(
      'FILE_UNREADABLE',
      `${fileName} is not UTF-8 text, so it is not a precinct report. Nothing was imported.`,
    );
  }
  const depth = nestingDepth(text);
  if (depth > limits.maxDepth) {
    return appError(
      'JSON_TOO_DEEP',
      `${fileName} is nested ${depth} levels deep; a precinct report needs a few. It is not a Tallyroom report. Nothing was imported.`,
    );
  }
  let forbidden: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, item) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return item;
    });
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    return appError(
      'FILE_UNREADABLE',
      `${fileName} is not valid JSON; it may be cut short or damaged${detail}. Nothing was imported.`,
    );
  }
  if (forbidden !== null) {
    return appError(
      'FORBIDDEN_KEY',
      `${fileName} contains the key "${forbidden}", which no precinct report has and which is used to attack programs. Nothing was imported.`,
    );
  }
  return ok(value);
}

/** Deepest [ / { nesting outside strings: checked on the text so a hostile file never reaches a recursive walk. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}

export { formatBytes };
