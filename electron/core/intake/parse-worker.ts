/**
 * The worker thread behind parse-off-thread.ts: parses one report file at a time with the same
 * parser as everywhere else, so a big spreadsheet never stalls the main process (the app's window
 * and its IPC stay responsive). Bytes in, the parser's Result out; nothing else.
 */
import { parentPort } from 'node:worker_threads';
import { parseReportFile } from './parse-report-file';

parentPort?.on('message', (message: { readonly id: number; readonly fileName: string; readonly bytes: Uint8Array }) => {
  let result: ReturnType<typeof parseReportFile>;
  try {
    result = parseReportFile(message.fileName, message.bytes);
  } catch (error) {
    result = {
      ok: false,
      error: {
        code: 'FILE_UNREADABLE',
        message: `${message.fileName} could not be read (${(error as Error).message}). Nothing was imported.`,
      },
    };
  }
  parentPort?.postMessage({ id: message.id, result });
});
