/**
 * The core as the hosts run it: bundled by esbuild into one module (as in functions.js and Code.js), not through
 * tsx's per-module transform, whose import getters and kept function names add to every call and would make
 * the row-by-row figures measure the loader instead of SegmentKit.
 */
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Core = typeof import('../core/index.js');

export async function bundledCore(): Promise<Core> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../core/index.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'silent',
  });
  const file = join(mkdtempSync(join(tmpdir(), 'segmentkit-bench-')), 'core.mjs');
  writeFileSync(file, result.outputFiles[0]?.text ?? '');
  return (await import(pathToFileURL(file).href)) as Core;
}
