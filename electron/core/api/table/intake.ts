/**
 * Files added in the app, quarantined mail and the scan queue. Importing needs someone allowed to
 * enter results; letting a quarantined email into the results (or refusing it) is the chair's
 * call, like resolving a discrepancy.
 */
import { z } from 'zod';
import { importUploadedFiles } from '../../intake/import-uploaded-files';
import { acceptQuarantined, rejectQuarantined } from '../../intake/quarantine';
import { quarantineViews } from '../../intake/quarantine-views';
import type { ReportSource } from '../../model/report';
import { ok } from '../../result';
import { listScanQueue } from '../../store/intake-records';
import { needs, open } from '../access';
import { defineMethod } from '../define-method';
import { actorFields, importFilesInput, noInput, reportId } from '../schema-parts';

const quarantineDecision = z.object({
  id: reportId,
  ...actorFields,
  note: z.string().trim().max(2000).optional(),
});

export const intakeMethods = {
  importFiles: defineMethod({
    input: importFilesInput,
    access: needs('enter-results', {
      typedNameWithoutTeam: true,
      records: (input: { source: ReportSource }) => input.source,
    }),
    station: 'queue',
    handle: (input, { store, actor, clock }) =>
      importUploadedFiles(store, { files: input.files, source: input.source, operator: actor.name }, clock),
  }),

  listQuarantine: defineMethod({
    input: z.object({ pendingOnly: z.boolean().default(true) }),
    access: open,
    station: 'forward',
    handle: async (input, { store }) => ok(await quarantineViews(store, input.pendingOnly)),
  }),

  acceptQuarantined: defineMethod({
    input: quarantineDecision,
    access: needs('resolve'),
    station: 'forward-change',
    handle: (input, { store, actor, at }) =>
      acceptQuarantined(store, {
        id: input.id,
        operator: actor.name,
        at: at.toISOString(),
        ...(input.note ? { note: input.note } : {}),
      }),
  }),

  rejectQuarantined: defineMethod({
    input: quarantineDecision,
    access: needs('resolve'),
    station: 'forward-change',
    handle: (input, { store, actor, at }) =>
      rejectQuarantined(store, {
        id: input.id,
        operator: actor.name,
        at: at.toISOString(),
        ...(input.note ? { note: input.note } : {}),
      }),
  }),

  listScanQueue: defineMethod({
    input: noInput,
    access: open,
    station: 'forward',
    handle: (_input, { store }) => ok(listScanQueue(store)),
  }),
};
