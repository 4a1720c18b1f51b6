/**
 * Files added in the app as an input: what the API validates, and what a station's outbox and
 * batch files carry to the hub (team/station-batch.ts checks it again there).
 */
import { z } from 'zod';
import { REPORT_SOURCES } from '../model/report';
import { operatorName, sessionToken } from '../operators/actor-input';

/** Files added in the app (or carried in a station's outbox and batch files). */
export const importFilesInput = z
  .object({
    /** A few files per call, so the app can show progress; each read in the renderer as base64. */
    files: z
      .array(
        z.object({
          /** The file's name, with its folders when a folder was chosen ("USB/P01.csv"). */
          fileName: z.string().min(1).max(1000),
          /** Up to the 40 MB an email may be (files are capped at 25 MB when staged). */
          contentBase64: z.string().max(56_000_000),
        }),
      )
      .min(1, 'Choose at least one file.')
      .max(50, 'Send at most 50 files at a time.'),
    session: sessionToken.optional(),
    operator: operatorName.optional(),
    source: z.enum(REPORT_SOURCES).default('usb'),
  })
  .refine((input) => input.files.reduce((sum, file) => sum + file.contentBase64.length, 0) <= 70_000_000, {
    message: 'Too much at once: send fewer files in each request.',
    path: ['files'],
  });
