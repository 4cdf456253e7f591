/** SegmentKit core: pure TypeScript, no host globals. Hosts import from here. */
export * from './catalog/types.js';
export { CATALOG, CATALOG_BY_NAME } from './catalog/index.js';
export { invoke, type Invocation } from './catalog/invoke.js';
export { limitsText, paramHelp } from './catalog/help.js';
export * from './errors.js';
export * from './labels.js';
export * from './output.js';
export * from './cells.js';
