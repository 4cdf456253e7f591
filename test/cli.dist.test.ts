/**
 * The built command line, as a user runs it: `npx segmentkit` inside the repository runs dist/cli/segmentkit.js (the
 * package's own `bin`, built by `npm run build`), with DuckDB and ExcelJS from the package's dependencies. On a
 * Vietnamese point-of-sale export it writes the same customers.csv as the sources do in-process (test/cli.test.ts
 * checks that one against RFM_TABLE), says what it did on standard output, and exits 1 with its message on a file
 * that does not exist.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runRfm } from '../cli/rfm.js';
import { posExport, toCsv } from './fixtures/exports.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'segmentkit-cli-dist-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const run = promisify(execFile);

describe('npx segmentkit (dist/cli/segmentkit.js)', () => {
  it('is the package bin, built', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin?: Record<string, string>;
      dependencies?: Record<string, string>;
    };
    expect(manifest.bin?.segmentkit).toBe('dist/cli/segmentkit.js');
    expect(manifest.dependencies?.['@duckdb/node-api']).toBeDefined();
    expect(existsSync(join(ROOT, 'dist/cli/segmentkit.js'))).toBe(true);
    expect(readFileSync(join(ROOT, 'dist/cli/segmentkit.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('writes the customers.csv the sources write, and exits 0', async () => {
    const input = join(folder, 'pos.csv');
    writeFileSync(input, toCsv(posExport(4)));
    const built = join(folder, 'built.csv');
    const { stdout } = await run('npx', ['segmentkit', 'rfm', input, '--out', built, '--lang', 'vi', '--quiet'], {
      cwd: ROOT,
    });
    expect(stdout).toContain(`đã ghi: ${built}`);
    const sources = join(folder, 'sources.csv');
    await runRfm({ input, out: sources, lang: 'vi', quiet: true, columns: {}, noOrderId: false, print: () => {} });
    expect(readFileSync(built, 'utf8')).toBe(readFileSync(sources, 'utf8'));
  });

  it('exits 1 with the message on a missing file', async () => {
    const missing = join(folder, 'missing.csv');
    const error = await run('npx', ['segmentkit', 'rfm', missing], { cwd: ROOT }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain(`segmentkit: ${missing}: no such file`);
  });
});
