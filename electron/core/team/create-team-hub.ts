import type { CreateTeamHub } from './contract';
import { HubState } from './hub-state';

/** The hub's team state; give it to createApi (`team`) and to startHub. */
export const createTeamHub: CreateTeamHub = (options) => new HubState(options.store, options.dataDir, options.clock);
