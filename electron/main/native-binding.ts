import { join } from 'node:path';

/**
 * Where the better-sqlite3 binary built for Electron's ABI lives (TOOLCHAIN.md, "two ABIs").
 * node_modules keeps Node's build for tests and the CLI, so the app must point better-sqlite3
 * at the Electron build explicitly:
 * - packaged: electron-builder copies native/electron/better_sqlite3.node to
 *   <resources>/native/better_sqlite3.node (extraResources, outside the asar);
 * - from the source tree: scripts/rebuild-electron-native.mjs writes native/electron/better_sqlite3.node.
 * Returns undefined when the file is absent, so the caller can say what to run.
 */
export function electronNativeBindingPath(options: {
  isPackaged: boolean;
  resourcesPath: string;
  appRoot: string;
  exists: (path: string) => boolean;
}): string | undefined {
  const candidate = options.isPackaged
    ? join(options.resourcesPath, 'native', 'better_sqlite3.node')
    : join(options.appRoot, 'native', 'electron', 'better_sqlite3.node');
  return options.exists(candidate) ? candidate : undefined;
}

/** better-sqlite3 loaded with the wrong ABI fails with this wording from Node's module loader. */
export function isNativeAbiMismatch(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|not a valid Win32 application/i.test(
    message,
  );
}
