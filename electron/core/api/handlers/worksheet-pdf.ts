/**
 * Printable worksheets from the app (docs/OCR.md): the same PDF as `tallyroom worksheets`, for one
 * precinct or all of them, handed to the renderer as base64 to download. Reading only: nothing
 * is stored and nothing is logged (printing a blank form changes no result).
 */
import { worksheetFile } from '../../ocr/worksheet-files';
import { type AppError, ok, type Result } from '../../result';
import type { CountyStore } from '../../store/county-store';
import type { ApiParsedInput } from '../schemas';

export interface WorksheetPdfFile {
  readonly fileName: string;
  readonly pdfBase64: string;
}

export function worksheetPdfHandlers(store: CountyStore, clock: () => Date) {
  return {
    worksheetPdf: async (input: ApiParsedInput<'worksheetPdf'>): Promise<Result<WorksheetPdfFile, AppError>> => {
      const file = await worksheetFile(store, clock(), input.precinct);
      if (!file.ok) return file;
      return ok({ fileName: file.value.fileName, pdfBase64: Buffer.from(file.value.pdf).toString('base64') });
    },
  };
}
