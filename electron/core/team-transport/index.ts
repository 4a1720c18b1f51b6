export * from '../team/contract';
export { createTeamHub } from '../team/create-team-hub';
export { startHub } from './hub-server';
export { createStationApi } from './station-api';
export * from './transport-contract';
