import { listConfirmedScanFiles } from '../store/bundle-records';
import type { CountyStore } from '../store/county-store';
import { SCANS_FOLDER } from './bag-layout';

/**
 * The worksheet scans a bundle carries: every stored file a report of source 'scan' was read from
 * (so only confirmed readings), as received, under data/scans/. The name starts with the stored
 * file's number so two precincts' "scan.png" never collide; the rest is the original name made
 * plain (see isOptionalPayload). The payload manifest gives each its sha256.
 */
export function scanAttachments(store: CountyStore): Map<string, Uint8Array> {
  const attachments = new Map<string, Uint8Array>();
  for (const scan of listConfirmedScanFiles(store)) {
    attachments.set(`${SCANS_FOLDER}${scan.importFileId}-${plainName(scan.fileName)}`, new Uint8Array(scan.bytes));
  }
  return attachments;
}

function plainName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const plain = base
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[._-]+/, '');
  return (plain || 'scan').slice(0, 150);
}
