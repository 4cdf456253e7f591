/** Sizes of what users install: minified and gzipped bytes of each built bundle (run `npm run build` first). */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BenchLine } from './report.js';

const BUNDLES: readonly { name: string; path: string; targetKb?: number }[] = [
  { name: 'Excel dist/addin/functions.js', path: 'dist/addin/functions.js', targetKb: 150 },
  { name: 'Sheets dist/apps-script/Code.js', path: 'dist/apps-script/Code.js', targetKb: 150 },
];

export function bundleLines(root: URL): BenchLine[] {
  return BUNDLES.map(({ name, path, targetKb }) => {
    const file = new URL(path, root);
    if (!existsSync(file)) return { name, baselineMissing: `${path} is missing: run npm run build first` };
    const bytes = readFileSync(file);
    const kb = bytes.length / 1024;
    return {
      name,
      figure: Number(kb.toFixed(1)),
      unit: `KB minified, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzipped`,
      note: targetKb ? `target ≤ ${targetKb} KB minified: ${kb <= targetKb ? 'met' : 'MISSED'}` : undefined,
    };
  });
}
