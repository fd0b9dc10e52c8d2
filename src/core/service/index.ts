// The language features over one analysed document; pure, so the server, tests and any
// other editor integration call them the same way.
export { complete } from './completion';
export { hover } from './hover';
export { documentSymbols, foldingRanges } from './symbols';
export { definition, references, prepareRename, rename, occurrences } from './references';
export { pathAt } from './path';
export type { PathAt } from './path';
export * from './types';
