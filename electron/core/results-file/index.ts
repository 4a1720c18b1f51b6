export * from './columns';
export * from './county-definition';
export * from './csv';
export * from './precinct-results';
export * from './table';
export * from './write-results';
