export * from './contract';
export { createTeamHub } from './create-team-hub';
export { startHub } from './hub-server';
export { createStationApi } from './station-api';
export * from './transport-contract';
