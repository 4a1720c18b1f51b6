/** Bundle statuses (docs/BUNDLE.md), the same words as NIST SP 1500-100's ResultsStatus. */
export const BUNDLE_STATUSES = [
  'unofficial-partial',
  'unofficial-complete',
  'certified',
  'correction',
  'recount',
] as const;
export type BundleStatus = (typeof BUNDLE_STATUSES)[number];

export function isBundleStatus(value: string): value is BundleStatus {
  return (BUNDLE_STATUSES as readonly string[]).includes(value);
}
