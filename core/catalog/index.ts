/** Every spreadsheet function, in the order the README and the hosts list them. */
import { ABC_CLASS } from './abc.js';
import type { FunctionSpec } from './types.js';

export const CATALOG: readonly FunctionSpec[] = [ABC_CLASS];

export const CATALOG_BY_NAME: ReadonlyMap<string, FunctionSpec> = new Map(CATALOG.map((spec) => [spec.name, spec]));
