/**
 * model/error-code.ts lists every code an AppError can carry; the compiler refuses a code that is not
 * in it. This keeps the list from keeping codes nothing raises any more.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const LIST = 'electron/core/model/error-code.ts';

function listedCodes(): string[] {
  return [...readFileSync(resolve(ROOT, LIST), 'utf8').matchAll(/\| '([A-Z0-9_]+)'/g)].map(
    (match) => match[1] as string,
  );
}

function sourceText(): string {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'electron', 'renderer/src', 'scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.endsWith('.test.ts') && file !== LIST);
  return files
    .map((file) => {
      try {
        return readFileSync(resolve(ROOT, file), 'utf8');
      } catch {
        return ''; // listed by git but deleted in the working tree
      }
    })
    .join('\n');
}

describe('the error codes', () => {
  it('are each raised or checked somewhere in the code', () => {
    const text = sourceText();
    const unused = listedCodes().filter((code) => !text.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('are listed once, in order', () => {
    const codes = listedCodes();
    expect(codes).toEqual([...new Set(codes)].sort());
    expect(codes.length).toBeGreaterThan(100);
  });
});
