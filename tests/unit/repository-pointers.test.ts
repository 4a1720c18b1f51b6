/**
 * The repository stands on its own: code, tests and docs point at docs/ (docs/CONTRACTS.md for the
 * contracts, docs/ARCHITECTURE.md for the principles), never at a document outside the repository,
 * and comments say what they mean instead of naming an issue number that means nothing in a clone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const SEARCHED = ['electron', 'renderer', 'scripts', 'tests', 'docs', 'bench', 'README.md', 'electron-builder.yml'];
const TEXT_FILE = /\.(ts|tsx|mjs|cjs|js|css|html|md|yml)$/;
/** contracts-doc.test.ts compares docs/CONTRACTS.md with the design document beside the clone, so it names it. */
const ALLOWED = new Set(['tests/unit/contracts-doc.test.ts', 'tests/unit/repository-pointers.test.ts']);
const SKIPPED_FOLDERS = new Set(['node_modules', 'fixtures', 'out', 'dist']);

function textFiles(path: string): string[] {
  const absolute = join(REPO_ROOT, path);
  if (TEXT_FILE.test(path)) return [path];
  let entries: { name: string; isDirectory(): boolean }[];
  try {
    entries = readdirSync(absolute, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : textFiles(join(path, entry.name));
    return TEXT_FILE.test(entry.name) ? [join(path, entry.name)] : [];
  });
}

function linesMatching(pattern: RegExp): string[] {
  return SEARCHED.flatMap(textFiles)
    .filter((path) => !ALLOWED.has(path))
    .flatMap((path) =>
      readFileSync(join(REPO_ROOT, path), 'utf8')
        .split('\n')
        .flatMap((line, index) => (pattern.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
    );
}

describe('the repository stands on its own', () => {
  it('finds the files it searches', () => {
    expect(SEARCHED.flatMap(textFiles)).toContain('docs/CONTRACTS.md');
  });

  it('names no document outside the repository (the contracts are in docs/CONTRACTS.md)', () => {
    expect(linesMatching(/DESIGN\.md|\.\.\/shared\b/)).toEqual([]);
  });

  it('names no issue numbers: comments and test names point at docs/ or say what they mean', () => {
    expect(linesMatching(/\b[Ii]ssues? #?\d+/)).toEqual([]);
  });
});
