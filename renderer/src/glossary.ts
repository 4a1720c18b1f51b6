/**
 * The words of caucus night a volunteer may not know, one sentence each. Shown where the word
 * appears (components/Term.tsx: a "?" beside it), so nobody has to leave the screen to look it up.
 */
export const GLOSSARY = {
  sde: {
    term: 'SDE',
    meaning:
      'State delegate equivalents: a group’s county delegates multiplied by the county’s state delegates per county delegate, the figure results are reported in statewide.',
  },
  viability: {
    term: 'Viability',
    meaning:
      'A group is viable when its first-alignment count reaches the threshold (for most precincts 15% of the eligible attendees); only viable groups win delegates.',
  },
  threshold: {
    term: 'Viability threshold',
    meaning:
      'The number of people a group needs in the first alignment to be viable, worked out from the attendees and the delegates the precinct elects.',
  },
  eligible: {
    term: 'Eligible attendees',
    meaning:
      'Everyone counted in the first alignment, uncommitted included: the number the threshold and the delegates are worked out from.',
  },
  realign: {
    term: 'Final alignment',
    meaning:
      'The count after people in groups that were not viable have moved to another group (realigned); viable groups keep their members.',
  },
  coinToss: {
    term: 'Coin toss',
    meaning:
      'When the rules leave a tie for a delegate, the precinct tosses a coin; the app never decides it, a person records who won.',
  },
  finding: {
    term: 'Finding',
    meaning:
      'Something on a report that breaks a caucus rule or does not add up; the report is kept as the paper says and the chair follows it up.',
  },
  discrepancy: {
    term: 'Discrepancy',
    meaning:
      'Two reports of the same precinct with different numbers; the chair decides from the paper which one is right.',
  },
  verified: {
    term: 'Verified',
    meaning: 'Two independent entries agree on every number, at least one of them from the paper worksheet.',
  },
  certified: {
    term: 'Certified',
    meaning:
      'The chair has signed off the precinct’s result with their PIN; later changes are recorded as recounts or corrections.',
  },
  sha256: {
    term: 'SHA-256 fingerprint',
    meaning:
      'A fingerprint of a file worked out from its exact bytes: the same file always has the same one, any change gives another.',
  },
  taint: {
    term: 'Taint',
    meaning:
      'In the audit, how much a sampled precinct’s hand count overstates the winner’s lead, as a share of the most it could; 0 means no error found.',
  },
  errorBound: {
    term: 'U (total error bound)',
    meaning:
      'The largest share of the winner’s lead all precincts together could overstate; the larger it is, the more precincts the audit draws.',
  },
  tickets: {
    term: 'Tickets',
    meaning:
      'The numbered draws from the public seed that pick the precincts to audit; a precinct drawn twice has two tickets.',
  },
} as const;

export type GlossaryKey = keyof typeof GLOSSARY;
