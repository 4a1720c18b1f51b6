/** Names of the caucus-math profiles (docs/CAUCUS-RULES.md). */
export const RULES_PROFILES = ['iowa-dem-2020', 'plurality'] as const;
export type RulesProfileId = (typeof RULES_PROFILES)[number];

export function isRulesProfileId(value: string): value is RulesProfileId {
  return (RULES_PROFILES as readonly string[]).includes(value);
}
