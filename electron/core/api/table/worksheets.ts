/** The keyed worksheet (checked live, then saved as a report) and the printable worksheet. */
import { z } from 'zod';
import type { ReportSource } from '../../model/report';
import { worksheetFile } from '../../ocr/worksheet-files';
import { ok } from '../../result';
import { evaluateWorksheet, submitWorksheet } from '../../worksheet/submit-worksheet';
import { needs, open } from '../access';
import { defineMethod } from '../define-method';
import { precinctCode, submitWorksheetInput, worksheetSchema } from '../schema-parts';

/** A printable worksheet as the renderer downloads it. */
export interface WorksheetPdfFile {
  readonly fileName: string;
  readonly pdfBase64: string;
}

export const worksheetMethods = {
  /** The worksheet checked as it is typed: nothing is stored. */
  evaluateWorksheet: defineMethod({
    input: worksheetSchema,
    access: open,
    station: 'forward',
    handle: (input, { store }) => evaluateWorksheet(store, input),
  }),

  /** A recount typed on the worksheet screen needs a recount verifier or the chair. */
  submitWorksheet: defineMethod({
    input: submitWorksheetInput,
    access: needs((input: { source?: string }) => (input.source === 'recount' ? 'enter-recount' : 'enter-results'), {
      typedNameWithoutTeam: true,
      records: (input: { source: ReportSource }) => input.source,
    }),
    station: 'queue',
    handle: (input, { store, actor, at }) =>
      submitWorksheet(store, { ...input, operator: actor.name }, at.toISOString()),
  }),

  /**
   * One precinct's worksheet, or every precinct's in one PDF when none is named: the same PDF as
   * `tallyroom worksheets`. Nothing is stored or logged (printing a blank form changes no result).
   */
  worksheetPdf: defineMethod({
    input: z.object({ precinct: precinctCode.optional() }),
    access: open,
    station: 'forward',
    handle: async (input, { store, clock }) => {
      const file = await worksheetFile(store, clock(), input.precinct);
      if (!file.ok) return file;
      return ok<WorksheetPdfFile>({
        fileName: file.value.fileName,
        pdfBase64: Buffer.from(file.value.pdf).toString('base64'),
      });
    },
  }),
};
