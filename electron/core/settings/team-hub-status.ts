import type { SignedIn } from '../operators/sessions';
import type { CountyStore } from '../store/county-store';
import { saveTeamHubSetting, type TeamHubSetting, teamHubSetting } from '../team/team-hub-setting';

/** Team mode on this laptop: what the chair chose, and whether the hub runs now (it starts with the app). */
export interface TeamHubSettingView {
  readonly setting: TeamHubSetting | null;
  readonly hubRunning: boolean;
}

export function teamHubStatus(store: CountyStore, hubRunning: boolean): TeamHubSettingView {
  return { setting: teamHubSetting(store), hubRunning };
}

/** Takes effect when Tallyroom next starts. */
export function chooseTeamHub(
  store: CountyStore,
  chair: SignedIn,
  value: TeamHubSetting,
  at: Date,
  hubRunning: boolean,
): TeamHubSettingView {
  const setting = saveTeamHubSetting(store, { value, at: at.toISOString(), operator: chair.name });
  return { setting, hubRunning };
}
