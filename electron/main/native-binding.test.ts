import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBindingPath, isNativeAbiMismatch } from './native-binding';

describe('electronNativeBindingPath', () => {
  const resourcesPath = join('/opt', 'Tallyroom', 'resources');
  const appRoot = join('/home', 'dev', 'tallyroom');
  const packagedBinary = join(resourcesPath, 'native', 'better_sqlite3.node');
  const sourceTreeBinary = join(appRoot, 'native', 'electron', 'better_sqlite3.node');

  it('uses the copy electron-builder puts beside the asar when packaged', () => {
    const exists = (path: string) => path === packagedBinary;
    expect(electronNativeBindingPath({ isPackaged: true, resourcesPath, appRoot, exists })).toBe(packagedBinary);
  });

  it('uses the rebuild script output when running from the source tree', () => {
    const exists = (path: string) => path === sourceTreeBinary;
    expect(electronNativeBindingPath({ isPackaged: false, resourcesPath, appRoot, exists })).toBe(sourceTreeBinary);
  });

  it('never mixes the two layouts', () => {
    expect(
      electronNativeBindingPath({ isPackaged: true, resourcesPath, appRoot, exists: (p) => p === sourceTreeBinary }),
    ).toBeUndefined();
    expect(
      electronNativeBindingPath({ isPackaged: false, resourcesPath, appRoot, exists: (p) => p === packagedBinary }),
    ).toBeUndefined();
  });

  it('is undefined when the binary was never built', () => {
    expect(
      electronNativeBindingPath({ isPackaged: false, resourcesPath, appRoot, exists: () => false }),
    ).toBeUndefined();
  });
});

describe('isNativeAbiMismatch', () => {
  it("recognises Node's wrong-ABI error", () => {
    const error = new Error(
      "The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 140.",
    );
    expect(isNativeAbiMismatch(error)).toBe(true);
  });

  it('ignores other errors', () => {
    expect(isNativeAbiMismatch(new Error('SQLITE_CANTOPEN: unable to open database file'))).toBe(false);
    expect(isNativeAbiMismatch('disk full')).toBe(false);
  });
});
