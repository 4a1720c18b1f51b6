import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLayout } from './app-layout';

describe('appLayout', () => {
  it('finds the built pieces from out/main when running from the source tree', () => {
    const layout = appLayout({
      mainDir: join('/src', 'tallyroom', 'out', 'main'),
      isPackaged: false,
      resourcesPath: '/x',
    });
    expect(layout).toEqual({
      appRoot: join('/src', 'tallyroom'),
      preloadPath: join('/src', 'tallyroom', 'out', 'preload', 'index.cjs'),
      rendererIndexPath: join('/src', 'tallyroom', 'out', 'renderer', 'index.html'),
      resourcesDir: join('/src', 'tallyroom', 'resources'),
      iconPath: join('/src', 'tallyroom', 'resources', 'icons', 'icon.png'),
    });
  });

  it('reads resources from beside the asar when packaged', () => {
    const resourcesPath = join('/opt', 'Tallyroom', 'resources');
    const layout = appLayout({
      mainDir: join(resourcesPath, 'app.asar', 'out', 'main'),
      isPackaged: true,
      resourcesPath,
    });
    expect(layout.appRoot).toBe(join(resourcesPath, 'app.asar'));
    expect(layout.preloadPath).toBe(join(resourcesPath, 'app.asar', 'out', 'preload', 'index.cjs'));
    expect(layout.resourcesDir).toBe(join(resourcesPath, 'resources'));
    expect(layout.iconPath).toBe(join(resourcesPath, 'resources', 'icons', 'icon.png'));
  });
});
