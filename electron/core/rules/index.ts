export * from './allocation';
export * from './check';
export * from './evaluate';
export * from './types';
export * from './viability';
