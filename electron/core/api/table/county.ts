/** The county: its dashboard, its definition and setup, one precinct, the demo county. */
import { z } from 'zod';
import { createCountyWithChair, previewCountyDefinition } from '../../county/county-setup';
import { electionInfo } from '../../county/election-info';
import { countyOverview, precinctDetail } from '../../county/precinct-detail';
import { loadDemoCounty } from '../../demo/load-demo-county';
import { ok } from '../../result';
import { open } from '../access';
import { defineMethod } from '../define-method';
import { countySetupSchema, noInput, operatorName, pinSchema, precinctCode } from '../schema-parts';

export const countyMethods = {
  getOverview: defineMethod({
    input: noInput,
    access: open,
    station: 'cache',
    handle: (_input, { store }) => ok(countyOverview(store)),
  }),

  getElection: defineMethod({
    input: noInput,
    access: open,
    station: 'cache',
    handle: (_input, { store }) => {
      const election = store.getElection();
      return ok(election ? electionInfo(election, store.listCandidates(), store.listPrecincts()) : null);
    },
  }),

  previewCountyDefinition: defineMethod({
    input: z.object({
      fileName: z.string().min(1).max(260),
      /** File bytes, base64 (the renderer has no file system; it reads the file the person chose). */
      contentBase64: z.string().max(70_000_000),
    }),
    access: open,
    station: 'forward',
    handle: (input) => previewCountyDefinition(input.fileName, Buffer.from(input.contentBase64, 'base64')),
  }),

  /** The person setting the county up is its chair, the first of its team. */
  createCounty: defineMethod({
    input: z
      .object({
        /** The county's chair, added to the team and allowed to sign in. */
        chair: z.object({ name: operatorName, pin: pinSchema }).optional(),
        /** Without a chair: a county with no team yet; its first person to sign up becomes chair. */
        operator: operatorName.optional(),
        setup: countySetupSchema,
      })
      .refine((input) => input.chair !== undefined || input.operator !== undefined, {
        message: 'Enter the county chair’s name and PIN.',
        path: ['chair'],
      }),
    access: open,
    station: 'hub-only',
    handle: (input, { store, clock }) => createCountyWithChair(store, input, clock().toISOString()),
  }),

  loadDemoCounty: defineMethod({
    input: z.object({ operator: operatorName.optional() }),
    access: open,
    station: 'hub-only',
    handle: (input, { store, resourcesDir, clock }) => {
      const loaded = loadDemoCounty(store, resourcesDir, input.operator ?? 'Demo', clock);
      return loaded.ok ? ok(loaded.value.election) : loaded;
    },
  }),

  getPrecinct: defineMethod({
    input: z.object({ precinct: precinctCode }),
    access: open,
    station: 'cache',
    handle: (input, { store }) => precinctDetail(store, input.precinct),
  }),
};
