/**
 * Pieces of the API's input schemas that several methods share, and the two inputs a station's
 * batch file also carries (submitWorksheet, importFiles). Every method's own schema is in its
 * table entry (table/*.ts); every transport validates through them, so nothing unchecked reaches
 * the domain (docs/ARCHITECTURE.md, "Adding a method").
 */
import { z } from 'zod';
import { importFilesInput } from '../intake/import-files-input';
import { PIN_PATTERN, PIN_RULE } from '../model/pin-rule';
import { RULES_PROFILES } from '../model/rules-profile';
import { actorFields, operatorName, sessionToken } from '../operators/actor-input';
import {
  candidateName,
  coinTossSchema,
  precinctCode,
  submitWorksheetInput,
  worksheetLineSchema,
  worksheetSchema,
} from '../worksheet/worksheet-input';

// The inputs a station's batch file also carries, and the pieces they are made of, are checked
// below the API too (team/station-batch.ts), so they live in the domain; the API uses them from there.
export {
  actorFields,
  candidateName,
  coinTossSchema,
  importFilesInput,
  operatorName,
  precinctCode,
  sessionToken,
  submitWorksheetInput,
  worksheetLineSchema,
  worksheetSchema,
};

export const pinSchema = z.string().regex(PIN_PATTERN, PIN_RULE);
export const reportId = z.number().int().positive();
export const scanId = z.number().int().positive();
export const reasonSchema = z
  .string()
  .trim()
  .min(3, 'Say why in a few words: the reason is recorded with the change.')
  .max(2000);
/** A method with nothing to say. */
export const noInput = z.object({}).strict();

export const countySetupSchema = z.object({
  county: z.string().trim().min(1, 'Enter the county name.').max(120),
  name: z.string().trim().min(1, 'Enter the name of the election or caucus.').max(200),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD.'),
  rulesProfile: z.enum(RULES_PROFILES),
  sdePerDelegate: z.number().finite().positive('The SDE per county delegate must be more than zero.'),
  precincts: z
    .array(
      z.object({
        code: precinctCode,
        name: z.string().trim().min(1).max(200),
        delegates: z.number().int().min(0).max(10_000),
        chairEmail: z.string().trim().email().max(254).nullable().optional(),
      }),
    )
    .min(1, 'Add at least one precinct.')
    .max(20_000),
  candidates: z.array(candidateName).min(1, 'Add at least one candidate.').max(200),
});
