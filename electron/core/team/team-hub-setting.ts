/**
 * The `teamHub` setting (docs/TEAM.md): the chair turned team mode on, so this laptop starts the team
 * hub on every start, on this port. Kept in the county database (migration 011) so a restored
 * backup brings it along; append-only like every setting, each change in the audit log.
 */
import { z } from 'zod';
import { ok } from '../result';
import type { CountyStore } from '../store/county-store';
import { currentSetting, recordSetting } from '../store/settings-records';
import { DEFAULT_HUB_PORT } from './contract';

export const teamHubSettingSchema = z.object({
  enabled: z.boolean(),
  /** The hub's TCP port on the office network (stations type it in the hub address). */
  port: z.number().int().min(1).max(65535).default(DEFAULT_HUB_PORT),
});

export type TeamHubSetting = z.output<typeof teamHubSettingSchema>;

/** The current value; null when never set, or when a row is unreadable (a newer version wrote it). */
export function teamHubSetting(store: CountyStore): TeamHubSetting | null {
  const current = currentSetting(store, 'teamHub');
  if (!current) return null;
  const parsed = teamHubSettingSchema.safeParse(current.value);
  return parsed.success ? parsed.data : null;
}

/** Records a new value with its audit entry, in one transaction. Unchanged values add nothing. */
export function saveTeamHubSetting(
  store: CountyStore,
  change: { readonly value: TeamHubSetting; readonly at: string; readonly operator: string },
): TeamHubSetting {
  const value = teamHubSettingSchema.parse(change.value);
  const current = teamHubSetting(store);
  if (current && current.enabled === value.enabled && current.port === value.port) return current;
  const saved = store.transaction(() => {
    recordSetting(store, { name: 'teamHub', value, at: change.at, operator: change.operator });
    return ok(value);
  });
  return saved.ok ? saved.value : value;
}
