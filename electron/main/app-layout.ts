import { join, resolve } from 'node:path';

/** Where the built app's pieces are, from the folder of the running main bundle (out/main). */
export interface AppLayout {
  /** The folder holding package.json and out/ (app.asar when packaged). */
  readonly appRoot: string;
  readonly preloadPath: string;
  readonly rendererIndexPath: string;
  /** The demo county, icons and other assets (docs/ARCHITECTURE.md, "resources/"). */
  readonly resourcesDir: string;
  readonly iconPath: string;
}

export function appLayout(options: { mainDir: string; isPackaged: boolean; resourcesPath: string }): AppLayout {
  const appRoot = resolve(options.mainDir, '..', '..');
  // Packaged, resources/ is copied beside the asar (extraResources) so real files can be read.
  const resourcesDir = options.isPackaged ? join(options.resourcesPath, 'resources') : join(appRoot, 'resources');
  return {
    appRoot,
    preloadPath: join(appRoot, 'out', 'preload', 'index.cjs'),
    rendererIndexPath: join(appRoot, 'out', 'renderer', 'index.html'),
    resourcesDir,
    iconPath: join(resourcesDir, 'icons', 'icon.png'),
  };
}
