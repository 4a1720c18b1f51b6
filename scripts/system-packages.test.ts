import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeMissingPackages,
  isCommandOnPath,
  missingSystemPackages,
  SYSTEM_PACKAGES,
} from './system-packages.mjs';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A PATH of two folders holding the given programs (executable or not). */
function fakePath(programs: Record<string, { executable: boolean }>): string {
  const root = mkdtempSync(join(tmpdir(), 'tallyroom-path-'));
  folders.push(root);
  const [first, second] = [join(root, 'bin'), join(root, 'sbin')];
  mkdirSync(first);
  mkdirSync(second);
  Object.entries(programs).forEach(([name, { executable }], index) => {
    const file = join(index % 2 === 0 ? first : second, name);
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, executable ? 0o755 : 0o644);
  });
  return [first, '', second].join(delimiter);
}

const ALL_FILES = new Set(SYSTEM_PACKAGES.flatMap((item) => (item.file ? [item.file] : [])));

describe('the system packages npm test checks first', () => {
  it('finds a command in any folder of PATH, only when it is executable', () => {
    const path = fakePath({ minisign: { executable: true }, tesseract: { executable: false } });
    expect(isCommandOnPath('minisign', path)).toBe(true);
    expect(isCommandOnPath('tesseract', path)).toBe(false);
    expect(isCommandOnPath('minisign', '')).toBe(false);
  });

  it('reports nothing missing when every command is on PATH and every file is there', () => {
    const path = fakePath({
      minisign: { executable: true },
      pdftotext: { executable: true },
      tesseract: { executable: true },
    });
    expect(missingSystemPackages({ path, fileExists: (file) => ALL_FILES.has(file) })).toEqual([]);
  });

  it('names each missing package by its Debian name, in the list order', () => {
    const path = fakePath({ tesseract: { executable: true } });
    const present = new Set([...ALL_FILES].filter((file) => !/chromium|breip/.test(file)));
    expect(missingSystemPackages({ path, fileExists: (file) => present.has(file) })).toEqual([
      'chromium',
      'minisign',
      'poppler-utils',
      'fonts-breip',
    ]);
  });

  it('checks Chromium where the end-to-end tests start it, and every package .ci/run used to install', () => {
    expect(SYSTEM_PACKAGES.find((item) => item.name === 'chromium')?.file).toBe('/usr/bin/chromium');
    expect(SYSTEM_PACKAGES.map((item) => item.name).sort()).toEqual(
      [
        'chromium',
        'dovecot-imapd',
        'fonts-breip',
        'fonts-dejavu-core',
        'fonts-dkg-handwriting',
        'fonts-femkeklaver',
        'fonts-rufscript',
        'minisign',
        'poppler-utils',
        'tesseract-ocr',
      ].sort(),
    );
  });

  it('says in one sentence what is missing and the command that installs it', () => {
    const sentence = describeMissingPackages(['chromium', 'fonts-breip']);
    expect(sentence).toContain('(chromium, fonts-breip)');
    expect(sentence).toContain('`sudo apt-get install --no-install-recommends chromium fonts-breip`');
    expect(sentence.split(/[.!?](\s|$)/).filter((part) => part.trim() !== '')).toHaveLength(1);
  });

  it('stops npm test before it runs anything, with that one sentence', () => {
    // No minisign or tesseract on this PATH (the files Chromium, Dovecot and the fonts are checked by are left as they are).
    const run = spawnSync(process.execPath, [resolve(import.meta.dirname, 'test-all.mjs')], {
      env: { ...process.env, PATH: fakePath({}) },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^The tests need Debian packages that are not installed here \(.*minisign, .*tesseract-ocr\)/,
    );
    expect(run.stderr).toBe('');
  });
});
