import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removableDrives } from '../../../electron/core/bundle/removable-drives';
import { mountedFolders } from '../../../electron/core/usb/mounted-folders';

let media: string;
beforeAll(() => {
  media = mkdtempSync(join(tmpdir(), 'tallyroom-media-'));
  mkdirSync(join(media, 'parent', 'ZED STICK'), { recursive: true });
  mkdirSync(join(media, 'parent', 'ALPHA STICK'));
  writeFileSync(join(media, 'parent', 'notes.txt'), 'not a drive');
  symlinkSync(join(media, 'parent', 'ALPHA STICK'), join(media, 'parent', 'Macintosh HD'));
  mkdirSync(join(media, 'letter'));
});
afterAll(() => rmSync(media, { recursive: true, force: true }));

describe('the drives mounted now', () => {
  it('are the real folders under a parent root, sorted, and a drive root that exists; not files, links or missing roots', async () => {
    const roots = [
      { path: join(media, 'parent'), kind: 'parent' },
      { path: join(media, 'not-mounted-yet'), kind: 'parent' },
      { path: join(media, 'letter'), kind: 'drive' },
      { path: join(media, 'no-such-letter'), kind: 'drive' },
    ] as const;
    expect(await mountedFolders(roots)).toEqual([
      { path: join(media, 'parent', 'ALPHA STICK'), name: 'ALPHA STICK' },
      { path: join(media, 'parent', 'ZED STICK'), name: 'ZED STICK' },
      { path: join(media, 'letter'), name: join(media, 'letter') },
    ]);
  });

  it('are what the Export screen lists: its mount path as the id, the name a person knows it by as the label', async () => {
    expect(
      await removableDrives([
        { path: join(media, 'parent'), kind: 'parent' },
        { path: join(media, 'letter'), kind: 'drive' },
      ]),
    ).toEqual([
      { id: join(media, 'parent', 'ALPHA STICK'), label: 'ALPHA STICK' },
      { id: join(media, 'parent', 'ZED STICK'), label: 'ZED STICK' },
      { id: join(media, 'letter'), label: join(media, 'letter') },
    ]);
  });
});
