import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileLogger, formatLogLine } from './logger';

const at = new Date('2024-01-15T23:59:58.000Z');

describe('formatLogLine', () => {
  it('is one line with an ISO time for messages', () => {
    expect(formatLogLine(at, 'INFO', 'started')).toBe('2024-01-15T23:59:58.000Z INFO started\n');
  });

  it('carries the stack of an error, or the value of anything else thrown', () => {
    const error = new Error('boom');
    expect(formatLogLine(at, 'ERROR', 'failed', error)).toContain(error.stack);
    expect(formatLogLine(at, 'ERROR', 'failed', { code: 42 })).toBe(
      '2024-01-15T23:59:58.000Z ERROR failed\n{"code":42}\n',
    );
  });
});

describe('createFileLogger', () => {
  const folders: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('appends to the log file, creating its folder', () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const folder = mkdtempSync(join(tmpdir(), 'tallyroom-log-'));
    folders.push(folder);
    const logFile = join(folder, 'logs', 'main.log');
    const logger = createFileLogger(logFile, () => at);
    logger.info('one');
    logger.error('two');
    expect(readFileSync(logFile, 'utf8')).toBe(
      '2024-01-15T23:59:58.000Z INFO one\n2024-01-15T23:59:58.000Z ERROR two\n',
    );
  });

  it('never throws when the file cannot be written', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const folder = mkdtempSync(join(tmpdir(), 'tallyroom-log-'));
    folders.push(folder);
    // A path below a file cannot be created.
    const logger = createFileLogger(join(folder, 'logs', 'main.log', 'impossible.log'), () => at);
    createFileLogger(join(folder, 'logs', 'main.log'), () => at).info('make a file');
    expect(() => logger.error('still fine')).not.toThrow();
    expect(stderr).toHaveBeenCalledWith('2024-01-15T23:59:58.000Z ERROR still fine\n');
  });
});
