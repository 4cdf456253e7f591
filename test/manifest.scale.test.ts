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
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

type XmlNode = { [key: string]: XmlValue };
type XmlValue = string | XmlNode | XmlValue[];

/** As manifest.dist.test.ts parses manifests. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
});

function parse(xml: string): XmlNode {
  return parser.parse(xml) as XmlNode;
}

/** Every attribute value and element text that is a URL (namespace declarations aside), as in manifest.dist.test.ts. */
function urls(node: XmlValue): string[] {
  const found: string[] = [];
  const visit = (value: XmlValue, key = ''): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, key));
    if (typeof value === 'string') {
      if (!key.startsWith('@_xmlns') && /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) found.push(value.trim());
      return;
    }
    for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
  };
  visit(node);
  return found;
}

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
