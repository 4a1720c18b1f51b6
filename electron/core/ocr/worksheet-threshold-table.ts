/**
 * The viability threshold table printed on a worksheet: for ranges of eligible attendees, how
 * many people a group needs to be viable. Numbers come from the rules (rules/viability), never
 * recomputed here, so the paper and the app's checks cannot disagree.
 */
import type { RulesProfileId } from '../rules/types';
import { viabilityRuleText, viabilityThreshold } from '../rules/viability';

export interface ThresholdRange {
  /** Eligible attendees from `from` to `to`, both included. */
  readonly from: number;
  readonly to: number;
  readonly threshold: number;
}

export interface ThresholdTable {
  /** One sentence: the rule, in words. */
  readonly rule: string;
  /** Empty when the precinct has no threshold (one delegate, or plurality rules). */
  readonly ranges: readonly ThresholdRange[];
  /** True when the table stopped before every possible attendance (the rule sentence covers the rest). */
  readonly truncated: boolean;
}

/** At most `maxRanges` ranges, starting from one attendee. */
export function thresholdTable(rulesProfile: RulesProfileId, delegates: number, maxRanges: number): ThresholdTable {
  if (rulesProfile !== 'iowa-dem-2020') {
    return { rule: 'No viability threshold: these rules count every vote as cast.', ranges: [], truncated: false };
  }
  if (delegates < 1) {
    return { rule: 'This precinct elects no delegates.', ranges: [], truncated: false };
  }
  const rule = `Viability threshold for ${delegates} delegate${delegates === 1 ? '' : 's'}: ${viabilityRuleText(delegates)}.`;
  if (delegates === 1) return { rule, ranges: [], truncated: false };
  const ranges: ThresholdRange[] = [];
  let attendees = 1;
  while (ranges.length < maxRanges) {
    const threshold = viabilityThreshold(attendees, delegates) ?? 0;
    let to = attendees;
    while (viabilityThreshold(to + 1, delegates) === threshold) to += 1;
    ranges.push({ from: attendees, to, threshold });
    attendees = to + 1;
  }
  return { rule, ranges, truncated: true };
}
