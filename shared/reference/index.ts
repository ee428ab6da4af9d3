export * from './pack';
export * from './licence';
export * from './read';
export * from './tsv';
export * from './search';
export * from './suggest';
export * from './checkFile';
