/** Where a command writes; tests pass their own to read what a person would see. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  cwd: process.cwd(),
  env: process.env,
};

/** docs/CONTRACTS.md exit codes; notRead is `tallyroom ocr`'s "a page could not be read at all" (docs/OCR.md). */
export const EXIT = { ok: 0, problems: 1, badInput: 2, notRead: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Usage or input the command cannot work with: one sentence on stderr, exit 2. */
export class UsageError extends Error {}

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
