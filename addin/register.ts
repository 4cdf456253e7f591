/// <reference types="custom-functions-runtime" />
/**
 * The entry of functions.js: associates every catalog function with the id functions.json gives it (the catalog
 * name, see functions-metadata.ts), in the shared runtime that taskpane.html loads. What each function does with
 * the arguments and the invocation Excel passes is excel-function.ts.
 */
import { CATALOG } from '../core/index.js';
import { excelFunction } from './excel-function.js';

for (const spec of CATALOG) CustomFunctions.associate(spec.name, excelFunction(spec.name, spec.params.length));
