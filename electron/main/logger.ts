import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** One log line: ISO time, level, message, and the stack of an error when there is one. */
export function formatLogLine(at: Date, level: 'INFO' | 'ERROR', message: string, error?: unknown): string {
  const detail = error === undefined ? '' : `\n${describeError(error)}`;
  return `${at.toISOString()} ${level} ${message}${detail}\n`;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/**
 * Appends to a file in the user's data folder, so a chair can send it after a bad night,
 * and mirrors to stderr for developers. Logging must never take the app down: write errors are ignored.
 */
export function createFileLogger(filePath: string, clock: () => Date = () => new Date()): Logger {
  const write = (line: string) => {
    process.stderr.write(line);
    try {
      mkdirSync(dirname(filePath), { recursive: true });
      appendFileSync(filePath, line);
    } catch {
      // The disk may be full or read-only; stderr still has the line.
    }
  };
  return {
    info: (message) => write(formatLogLine(clock(), 'INFO', message)),
    error: (message, error) => write(formatLogLine(clock(), 'ERROR', message, error)),
  };
}
