/**
 * The add-in built for a real host: `SEGMENTKIT_URL=https://… webpack --mode production` into a temporary folder (a
 * second full webpack build, hence the scale project) writes a manifest with that address and no development one;
 * an address that is not https is refused. The development build in dist/addin is manifest.dist.test.ts's part.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse, urls } from './hosts/manifest-xml.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

describe('a build for a real host (SEGMENTKIT_URL)', () => {
  it('writes a manifest with that address and no development one', () => {
    const out = mkdtempSync(join(tmpdir(), 'segmentkit-addin-'));
    try {
      execFileSync('npx', ['webpack', '--mode', 'production', '--output-path', out], {
        cwd: ROOT,
        env: { ...process.env, SEGMENTKIT_URL: 'https://addin.example.com/segmentkit' },
        stdio: 'pipe',
      });
      const built = readFileSync(join(out, 'manifest.xml'), 'utf8');
      expect(built).not.toContain('localhost');
      expect(built).toContain('https://addin.example.com/segmentkit/taskpane.html');
      expect(XMLValidator.validate(built)).toBe(true);
      expect(urls(parse(built)).every((u) => u.startsWith('https://'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses an address that is not https', () => {
    const run = (): unknown =>
      execFileSync('npx', ['webpack', '--mode', 'production', '--output-path', join(tmpdir(), 'segmentkit-never')], {
        cwd: ROOT,
        env: { ...process.env, SEGMENTKIT_URL: 'http://addin.example.com/' },
        stdio: 'pipe',
      });
    expect(run).toThrow(/SEGMENTKIT_URL must be an https/);
  });
});
