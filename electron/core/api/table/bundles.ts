/**
 * Signed bundles in the app and the state party (docs/ARCHITECTURE.md, bundle/): the chair makes the
 * county key and exports signed bundles; the state party verifies and totals county bundles.
 * Signing is the chair's act, like certifying.
 */
import { z } from 'zod';
import {
  createSigningKey,
  exportSignedBundle,
  exportSignedBundleToDrive,
  signingKeyState,
} from '../../bundle/app-signing';
import { removableDrives } from '../../bundle/removable-drives';
import { checkCountyBundles } from '../../bundle/state-party-check';
import { BUNDLE_STATUSES } from '../../model/bundle-status';
import { ok } from '../../result';
import { MIN_PASSPHRASE_LENGTH } from '../../signing/secret-key-file';
import { defaultMountRoots } from '../../usb/mount-roots';
import { needs, open } from '../access';
import { defineMethod } from '../define-method';
import { noInput, sessionToken } from '../schema-parts';

const passphrase = z.string().max(1000);
const uploadedFile = z.object({
  fileName: z.string().min(1).max(1000),
  contentBase64: z.string().max(60_000_000),
});
/** Only the chair signs for the county; anyone else is told so in those words. */
const chairSigns = needs('certify', {
  notAllowed: 'Only the county chair signs for the county: ask the chair to sign in and do this. Nothing was signed.',
});

export const bundleMethods = {
  getSigningKey: defineMethod({
    input: noInput,
    access: open,
    station: 'forward',
    handle: async (_input, services) => ok(await signingKeyState(services)),
  }),

  createSigningKey: defineMethod({
    input: z.object({
      session: sessionToken,
      passphrase: passphrase.min(
        MIN_PASSPHRASE_LENGTH,
        `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`,
      ),
      /** Keep the passphrase on this computer (encrypted by the OS) so exports do not ask for it. */
      remember: z.boolean().default(false),
      /** Make a new key although one exists: the state party must then register the new one. */
      replace: z.boolean().default(false),
    }),
    access: chairSigns,
    station: 'forward-change',
    handle: (input, context) => createSigningKey(context, context.actor, input, context.at),
  }),

  exportBundle: defineMethod({
    input: z.object({
      session: sessionToken,
      status: z.enum(BUNDLE_STATUSES).optional(),
      /** Not needed when the chair chose to remember it on this computer. */
      passphrase: passphrase.optional(),
    }),
    access: chairSigns,
    station: 'forward-change',
    handle: (input, context) => exportSignedBundle(context, context.actor, input),
  }),

  listRemovableDrives: defineMethod({
    input: noInput,
    access: open,
    station: 'drive',
    handle: async (_input, { bundles }) => ok(await removableDrives(bundles.mountRoots ?? defaultMountRoots())),
  }),

  exportBundleToDrive: defineMethod({
    input: z.object({
      session: sessionToken,
      /** A drive's id from listRemovableDrives; any other path is refused. */
      drive: z.string().min(1).max(1000),
      status: z.enum(BUNDLE_STATUSES).optional(),
      passphrase: passphrase.optional(),
    }),
    access: chairSigns,
    station: 'drive',
    handle: (input, context) => exportSignedBundleToDrive(context, context.actor, input),
  }),

  aggregateBundles: defineMethod({
    input: z
      .object({
        bundles: z.array(uploadedFile).min(1, 'Choose at least one county bundle (.zip).').max(4000),
        /** Registered county keys, each named "<County>.pub". */
        publicKeys: z.array(uploadedFile).min(1, 'Choose the folder of registered county keys.').max(4000),
        /** Also make the statewide results download (every precinct: XLSX and NIST cost); only when asked. */
        statewideExport: z.boolean().optional(),
      })
      .refine(
        (input) =>
          [...input.bundles, ...input.publicKeys].reduce((sum, file) => sum + file.contentBase64.length, 0) <=
          75_000_000,
        {
          message: 'Too many bundles at once for the app; use `tallyroom aggregate` for the whole state.',
          path: ['bundles'],
        },
      ),
    access: open,
    station: 'forward',
    handle: (input, { bundles, clock }) => checkCountyBundles(input, bundles.appVersion ?? 'development', clock()),
  }),
};
