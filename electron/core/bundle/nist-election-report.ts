import type { ResultsDocument } from './results-document';

/**
 * data/results.nist-1500-100.json: the county's results as a precinct-level NIST SP 1500-100 v2
 * ElectionReport (schema in tests/fixtures/standards/nist-1500-100). Caucus counts have no NIST count type,
 * so they are `Type: "other"` with an OtherType naming the column (the schema's own advice).
 * Ids are positional NCNames (gpu-precinct-3, candidate-2), never built from names a county typed.
 */
export function buildNistElectionReport(document: ResultsDocument): unknown {
  const countyId = 'gpu-county';
  const precinctId = (index: number) => `gpu-precinct-${index + 1}`;
  const candidateId = (index: number) => `candidate-${index + 1}`;
  const reporting = document.precincts.filter((precinct) => precinct.result !== null).length;
  const isCaucus = document.election.rulesProfile === 'iowa-dem-2020';
  const candidateIndex = new Map(document.candidates.map((candidate, index) => [candidate.name, index]));

  const gpUnits = [
    {
      '@id': countyId,
      '@type': 'ElectionResults.ReportingUnit',
      Type: 'county',
      Name: text(document.county),
      ComposingGpUnitIds: document.precincts.map((_, index) => precinctId(index)),
      SubUnitsReported: reporting,
      TotalSubUnits: document.precincts.length,
    },
    ...document.precincts.map((precinct, index) => ({
      '@id': precinctId(index),
      '@type': 'ElectionResults.ReportingUnit',
      Type: 'precinct',
      Name: text(precinct.name || precinct.code),
      ExternalIdentifier: [
        { '@type': 'ElectionResults.ExternalIdentifier', Type: 'local-level', Value: precinct.code },
      ],
    })),
  ];

  const selections = document.candidates.map((candidate, index) => ({
    '@id': `selection-${index + 1}`,
    '@type': 'ElectionResults.CandidateSelection',
    CandidateIds: [candidateId(index)],
    SequenceOrder: candidate.ballotOrder,
    VoteCounts: document.precincts.flatMap((precinct, precinctIndex) => {
      const line = precinct.result?.lines.find((entry) => candidateIndex.get(entry.candidate) === index);
      if (!line) return [];
      const counts: [string, number | null][] = isCaucus
        ? [
            ['first-alignment', line.firstAlignment],
            ['final-alignment', line.finalAlignment],
            ['county-delegates', line.delegatesAwarded],
            ['state-delegate-equivalents', line.sde],
          ]
        : [['votes', line.firstAlignment]];
      return counts.flatMap(([kind, count]) =>
        count === null
          ? []
          : [
              isCaucus
                ? voteCount(precinctId(precinctIndex), count, { Type: 'other', OtherType: kind })
                : voteCount(precinctId(precinctIndex), count, { Type: 'total' }),
            ],
      );
    }),
  }));

  return {
    '@type': 'ElectionResults.ElectionReport',
    Format: 'precinct-level',
    GeneratedDate: document.bundle.generatedAt,
    Issuer: document.county,
    IssuerAbbreviation: abbreviationOf(document.county),
    SequenceStart: 1,
    SequenceEnd: 1,
    Status: document.bundle.status,
    VendorApplicationId: `Tallyroom ${document.bundle.appVersion}`,
    ExternalIdentifier: [
      {
        '@type': 'ElectionResults.ExternalIdentifier',
        Type: 'other',
        OtherType: 'tallyroom-bundle-sequence',
        Value: String(document.bundle.sequence),
      },
    ],
    GpUnit: gpUnits,
    Election: [
      {
        '@type': 'ElectionResults.Election',
        Name: text(document.election.name),
        StartDate: document.election.date,
        EndDate: document.election.date,
        Type: 'other',
        OtherType: isCaucus ? 'caucus' : 'plurality-vote',
        ElectionScopeId: countyId,
        Candidate: document.candidates.map((candidate, index) => ({
          '@id': candidateId(index),
          '@type': 'ElectionResults.Candidate',
          BallotName: text(candidate.name),
        })),
        Contest: [
          {
            '@id': 'contest-1',
            '@type': 'ElectionResults.CandidateContest',
            Name: document.election.name,
            ElectionDistrictId: countyId,
            VotesAllowed: 1,
            VoteVariation: isCaucus ? 'proportional' : 'plurality',
            SubUnitsReported: reporting,
            TotalSubUnits: document.precincts.length,
            ContestSelection: selections,
          },
        ],
      },
    ],
  };
}

function text(content: string) {
  return {
    '@type': 'ElectionResults.InternationalizedText',
    Text: [{ '@type': 'ElectionResults.LanguageString', Content: content, Language: 'en' }],
  };
}

function voteCount(gpUnitId: string, count: number, type: { Type: string; OtherType?: string }) {
  return { '@type': 'ElectionResults.VoteCounts', GpUnitId: gpUnitId, Count: count, ...type };
}

/** "Polk County" -> "POLK-COUNTY": a short, stable issuer code. */
function abbreviationOf(county: string): string {
  return (
    county
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toUpperCase() || 'COUNTY'
  );
}
