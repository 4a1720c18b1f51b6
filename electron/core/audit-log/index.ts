export * from './actions';
export * from './canonical-json';
export * from './chain';
