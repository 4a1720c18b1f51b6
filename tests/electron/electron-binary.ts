import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Electron's executable, found WITHOUT requiring 'electron': requiring it downloads the binary
 * on first use, which fails offline (TOOLCHAIN.md). Mirrors scripts/start.mjs.
 */
export function findElectronBinary(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnvironment = env.ELECTRON_EXEC_PATH?.trim();
  if (fromEnvironment) return existsSync(fromEnvironment) ? fromEnvironment : undefined;
  const electronDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}
