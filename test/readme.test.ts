import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../core/index.js';
import { withFunctionTable } from '../scripts/readme-table.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('has the function table the catalog generates (run `npm run docs` after changing the catalog)', () => {
    expect(withFunctionTable(readme)).toBe(readme);
  });
  it('lists every catalog function', () => {
    for (const spec of CATALOG) expect(readme).toContain(`\`${spec.name}(`);
  });
  it('gives the two set-up commands, and .ci/run runs exactly the test command', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
    const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    expect(ci.split('\n').filter((l) => l.trim() && !/^(#|set |cd )/.test(l))).toEqual(['npm test']);
  });
});
