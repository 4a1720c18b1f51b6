export { type ApiDeps, createApi } from './api';
export { closeApi } from './close-api';
export * from './contract';
export * from './methods';
export * from './types';
