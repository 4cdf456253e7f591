/** `npm run docs`: rewrites the README's function table from the catalog. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withFunctionTable } from './readme-table.js';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withFunctionTable(readFileSync(path, 'utf8')));
console.log('README.md function table updated');
