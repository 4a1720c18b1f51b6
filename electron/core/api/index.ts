export * from './contract';
export * from './methods';
export type { ApiInput } from './schemas';
export * from './types';
export { createApi, type ApiDeps } from './api';
