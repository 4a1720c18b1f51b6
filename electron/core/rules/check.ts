import { assertNever } from '../result';
import { checkIowaPrecinct } from './check-iowa';
import { checkPluralityPrecinct } from './check-plurality';
import type { Finding, PrecinctResult, RulesProfileId } from './types';

/** The findings of one precinct's result under a rules profile. */
export function checkPrecinct(profile: RulesProfileId, result: PrecinctResult): Finding[] {
  switch (profile) {
    case 'iowa-dem-2020':
      return checkIowaPrecinct(result);
    case 'plurality':
      return checkPluralityPrecinct(result);
    default:
      return assertNever(profile);
  }
}
