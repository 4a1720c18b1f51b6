/** What a precinct's reports and the people's decisions add up to, derived on every read (status/derive-status.ts). */
export const PRECINCT_STATUSES = ['missing', 'received', 'conflict', 'verified', 'certified'] as const;
export type PrecinctStatus = (typeof PRECINCT_STATUSES)[number];
