/** Input schemas of the bundle methods (docs/BUNDLE.md), spread into inputSchemas. */
import { z } from 'zod';
import { BUNDLE_STATUSES } from '../bundle/bundle-status';
import { MIN_PASSPHRASE_LENGTH } from '../signing/secret-key-file';

const sessionToken = z.string().min(16, 'Sign in first.').max(200);
const passphrase = z.string().max(1000);
const uploadedFile = z.object({
  fileName: z.string().min(1).max(1000),
  contentBase64: z.string().max(60_000_000),
});

export const bundleInputSchemas = {
  getSigningKey: z.object({}).strict(),
  createSigningKey: z.object({
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
  exportBundle: z.object({
    session: sessionToken,
    status: z.enum(BUNDLE_STATUSES).optional(),
    /** Not needed when the chair chose to remember it on this computer. */
    passphrase: passphrase.optional(),
  }),
  listRemovableDrives: z.object({}).strict(),
  exportBundleToDrive: z.object({
    session: sessionToken,
    /** A drive's id from listRemovableDrives; any other path is refused. */
    drive: z.string().min(1).max(1000),
    status: z.enum(BUNDLE_STATUSES).optional(),
    passphrase: passphrase.optional(),
  }),
  aggregateBundles: z
    .object({
      bundles: z.array(uploadedFile).min(1, 'Choose at least one county bundle (.zip).').max(4000),
      /** Registered county keys, each named "<County>.pub". */
      publicKeys: z.array(uploadedFile).min(1, 'Choose the folder of registered county keys.').max(4000),
      /** Also make the statewide results download (every precinct: XLSX and NIST cost); only when asked. */
      statewideExport: z.boolean().optional(),
    })
    .refine(
      (input) =>
        [...input.bundles, ...input.publicKeys].reduce((sum, file) => sum + file.contentBase64.length, 0) <= 75_000_000,
      {
        message: 'Too many bundles at once for the app; use `tallyroom aggregate` for the whole state.',
        path: ['bundles'],
      },
    ),
} as const;
