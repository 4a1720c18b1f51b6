// Types of system-packages.mjs for the TypeScript that imports it (scripts/system-packages.test.ts).

export interface SystemPackage {
  /** The Debian package to install. */
  readonly name: string;
  /** Installed when this command is on PATH... */
  readonly command?: string;
  /** ...or when this file exists. */
  readonly file?: string;
  readonly why: string;
}

export const SYSTEM_PACKAGES: readonly SystemPackage[];
export function isCommandOnPath(command: string, path?: string): boolean;
export function missingSystemPackages(options?: { path?: string; fileExists?: (path: string) => boolean }): string[];
export function describeMissingPackages(names: readonly string[]): string;
