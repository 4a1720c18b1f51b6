import { appError } from '../result';
import type { CreateStationApi } from './contract';

/** Being written (issue 10): the station API lands here. */
export const createStationApi: CreateStationApi = () =>
  appError('NOT_YET', 'Station mode is not finished yet in this build.');
