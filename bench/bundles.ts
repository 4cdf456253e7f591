/** Sizes of what users install: minified and gzipped bytes of each built bundle (run `npm run build` first). */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BenchLine } from './report.js';

const BUNDLES: readonly { name: string; path: string; targetKb?: number; targetGzipKb?: number }[] = [
  { name: 'Excel dist/addin/functions.js', path: 'dist/addin/functions.js', targetKb: 150 },
  { name: 'Sheets dist/apps-script/Code.js', path: 'dist/apps-script/Code.js', targetKb: 150 },
  {
    name: 'Sheets dist/apps-script/Sidebar.html (the whole panel)',
    path: 'dist/apps-script/Sidebar.html',
    targetKb: 600,
    targetGzipKb: 180,
  },
  { name: 'Excel task pane dist/addin/taskpane.js (the panel)', path: 'dist/addin/taskpane.js' },
  { name: 'Excel task pane dist/addin/taskpane.html', path: 'dist/addin/taskpane.html' },
];

export function bundleLines(root: URL): BenchLine[] {
  return BUNDLES.map(({ name, path, targetKb, targetGzipKb }) => {
    const file = new URL(path, root);
    if (!existsSync(file)) return { name, baselineMissing: `${path} is missing: run npm run build first` };
    const bytes = readFileSync(file);
    const kb = bytes.length / 1024;
    const gzipKb = gzipSync(bytes).length / 1024;
    const targets = [
      targetKb === undefined ? '' : `≤ ${targetKb} KB minified: ${kb <= targetKb ? 'met' : 'MISSED'}`,
      targetGzipKb === undefined ? '' : `≤ ${targetGzipKb} KB gzipped: ${gzipKb <= targetGzipKb ? 'met' : 'MISSED'}`,
    ].filter(Boolean);
    return {
      name,
      figure: Number(kb.toFixed(1)),
      unit: `KB minified, ${gzipKb.toFixed(1)} KB gzipped`,
      note: targets.length ? `target ${targets.join('; ')}` : undefined,
    };
  });
}
