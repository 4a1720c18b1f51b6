// Types of build-cli.mjs for the TypeScript that imports it (tests/helpers/test-programs.ts).
import type { Metafile } from 'esbuild';

export const REPO_ROOT: string;
export const CLI_OUT_DIR: string;
export const CLI_MANIFEST: string;
export const WORKER_ENTRIES: Readonly<Record<string, string>>;
/** Builds `entries` ({ name: path from the repository root }) and the workers into `outDir` as `<name>.js`. */
export function buildPrograms(entries: Readonly<Record<string, string>>, outDir: string): Promise<Metafile>;
/** Builds out/cli (the `tallyroom` command), or `outDir`, with its manifest. */
export function buildCli(outDir?: string): Promise<{ sources: number; ms: number }>;
