/** Default TCP port of a team-mode hub (docs/TEAM.md; any free port may be given). */
export const DEFAULT_HUB_PORT = 7443;
