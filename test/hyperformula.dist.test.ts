/**
 * HyperFormula is GPL-3.0: it belongs in the playground (dist/playground) and the tests, never in what users install
 * in Excel (dist/addin) or Google Sheets (dist/apps-script). Checks the built files for HyperFormula's code. The
 * artifacts project's global setup builds all three; a missing bundle fails the check, it never skips it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** Strings found only in HyperFormula's code: its name, API, and the text of its licence-key check. */
export const HYPERFORMULA_MARKERS = [
  'HyperFormula',
  'gpl-v3',
  'The license key for HyperFormula',
  'registerFunctionPlugin',
  'buildFromSheets',
];

function files(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path, pattern) : pattern.test(entry) ? [path] : [];
  });
}

function markersIn(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return HYPERFORMULA_MARKERS.filter((marker) => text.includes(marker));
}

describe('HyperFormula stays out of the Excel and Sheets bundles', () => {
  for (const [bundle, named] of [
    ['addin', 'functions.js'],
    ['apps-script', 'Code.js'],
  ] as const) {
    const dir = join(DIST, bundle);
    it(`dist/${bundle}/${named} and the rest of dist/${bundle}`, () => {
      expect(existsSync(join(dir, named)), `dist/${bundle}/${named} is built`).toBe(true);
      const checked = files(dir, /\.(js|mjs|cjs|html)$/);
      expect(checked).toContain(join(dir, named));
      for (const path of checked) expect(markersIn(path), path).toEqual([]);
    });
  }
});

describe('dist/playground bundles HyperFormula', () => {
  it('has its code, licence-key check included', () => {
    expect(existsSync(join(DIST, 'playground/index.html')), 'dist/playground is built').toBe(true);
    const found = new Set(files(join(DIST, 'playground'), /\.js$/).flatMap(markersIn));
    expect([...found].sort()).toEqual([...HYPERFORMULA_MARKERS].sort());
  });
});
