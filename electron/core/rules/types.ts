/** The rules' types live on the ground floor (model/); rules/ users keep importing them from here. */
export { FINDING_CODES, type Finding, type FindingCode, type FindingField } from '../model/finding';
export { type CandidateLine, type CoinToss, MAX_PLAUSIBLE_COUNT, type PrecinctResult } from '../model/precinct-result';
export { isRulesProfileId, RULES_PROFILES, type RulesProfileId } from '../model/rules-profile';
