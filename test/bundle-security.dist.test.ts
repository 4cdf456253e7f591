/**
 * What the built bundles promise about security and licences (issue 13, item 9):
 * - dist/addin/taskpane.html carries a Content-Security-Policy meta, before any script, allowing scripts only from
 *   the page's origin and Office.js's CDN, inline styles but no inline script or eval, and no other origin; every
 *   script the page loads is an external file (webpack injects none inline, the development build uses no eval);
 * - Code.js, Sidebar.html, taskpane.js and functions.js open with a licence notice naming every third-party package
 *   they bundle (as esbuild, run here independently, finds them) with its version and licence as its package.json
 *   says, and containing each package's licence text; HyperFormula (GPL) is never among them.
 * Whether the policy holds in a browser is test/browser/taskpane.test.ts's part.
 */
import { build, type BuildOptions } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADDIN_DIST, requireAddinBuilt } from './hosts/excel-vm.js';
import { requireCodeJs } from './hosts/sheets-vm.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const APPS_SCRIPT_DIST = join(ROOT, 'dist/apps-script');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/** The policy, directive by directive: nothing more is allowed. */
const EXPECTED_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", OFFICE_CDN],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

beforeAll(() => {
  requireCodeJs();
  requireAddinBuilt();
  for (const file of [join(APPS_SCRIPT_DIST, 'Sidebar.html'), join(ADDIN_DIST, 'taskpane.js')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: npm run build`);
  }
});

const read = (path: string): string => readFileSync(path, 'utf8');

/** The Content-Security-Policy metas of an HTML text (quoted or, minified, unquoted attributes). */
function policies(html: string): { index: number; policy: string }[] {
  return [...html.matchAll(/<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/gi)].map((m) => ({
    index: m.index,
    policy: m[1] ?? '',
  }));
}

function directives(policy: string): Record<string, string[]> {
  const parsed: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed[name.toLowerCase()] = sources;
  }
  return parsed;
}

describe('the task pane Content-Security-Policy', () => {
  const built = (): string => read(join(ADDIN_DIST, 'taskpane.html'));

  it('is one meta, before every script, in the source and the built page', () => {
    for (const html of [read(join(ROOT, 'addin/taskpane.html')), built()]) {
      const found = policies(html);
      expect(found).toHaveLength(1);
      expect(found[0]?.index).toBeLessThan(html.search(/<script\b/i));
      expect(directives(found[0]?.policy ?? '')).toEqual(EXPECTED_POLICY);
    }
  });

  it('allows no origin but the page and Office.js, no inline script, no eval', () => {
    const sources = Object.values(EXPECTED_POLICY).flat();
    expect(sources.filter((s) => s.includes('*'))).toEqual([]);
    expect(sources.filter((s) => /^[a-z-]+:\/\//.test(s))).toEqual([OFFICE_CDN]);
    expect(sources).not.toContain("'unsafe-eval'");
    expect(EXPECTED_POLICY['script-src']).not.toContain("'unsafe-inline'");
  });

  it('loads every script from a file (webpack injects none inline) and Office.js from its CDN', () => {
    const html = built();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, attributes = '', body = ''] of scripts) {
      expect(body.trim(), tag).toBe('');
      const src = /\bsrc="?([^\s">]+)"?/.exec(attributes)?.[1];
      expect(src, tag).toBeDefined();
      // Either the page's own files or Office.js at the CDN address the policy names.
      expect(src === OFFICE_JS || !/^([a-z]+:|\/\/)/i.test(src ?? ''), tag).toBe(true);
    }
    expect(scripts.map((m) => /\bsrc="?([^\s">]+)"?/.exec(m[1] ?? '')?.[1])).toContain(OFFICE_JS);
    // No inline event handlers or javascript: addresses either.
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('is met by the webpack build: no eval source maps in development or production', async () => {
    const configUrl = new URL('../webpack.config.js', import.meta.url).href;
    const { default: config } = (await import(configUrl)) as {
      default: (env: object, argv: { mode: string }) => Promise<{ devtool: string | false }>;
    };
    for (const mode of ['development', 'production']) {
      const { devtool } = await config({}, { mode });
      expect(String(devtool), mode).not.toMatch(/eval/);
    }
  });
});

/** One `name@version (licence)` line of a notice. */
interface Listed {
  readonly name: string;
  readonly version: string;
  readonly licence: string;
}

/** The licence notice a bundle opens with: its lines (comment markers off) and the packages it lists. */
function notice(text: string): { lines: string[]; listed: Listed[] } {
  const start = text.indexOf('/*!\n * SegmentKit ');
  expect(start, 'the bundle opens with a SegmentKit licence notice').toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n */', start);
  const lines = text
    .slice(start + 4, end)
    .split('\n')
    .map((line) => line.replace(/^ \*( |$)/, ''));
  const listed = lines.flatMap((line) => {
    const m = /^ {2}((?:@[^@\s/]+\/)?[^@\s]+)@(\S+) \((.+)\)$/.exec(line);
    return m?.[1] && m[2] && m[3] ? [{ name: m[1], version: m[2], licence: m[3] }] : [];
  });
  return { lines, listed };
}

interface PackageJson {
  readonly version: string;
  readonly license?: string;
}

/** The installed copy of a package at `version`: the top-level one, or else one nested under another package. */
function installed(name: string, version: string): { dir: string; json: PackageJson } | undefined {
  const modules = join(ROOT, 'node_modules');
  const load = (dir: string): { dir: string; json: PackageJson } => ({
    dir,
    json: JSON.parse(read(join(dir, 'package.json'))) as PackageJson,
  });
  const top = join(modules, name);
  if (existsSync(join(top, 'package.json')) && load(top).json.version === version) return load(top);
  for (const entry of readdirSync(modules)) {
    const owners = entry.startsWith('@')
      ? readdirSync(join(modules, entry)).map((inner) => join(modules, entry, inner))
      : [join(modules, entry)];
    for (const owner of owners) {
      const dir = join(owner, 'node_modules', name);
      if (existsSync(join(dir, 'package.json')) && load(dir).json.version === version) return load(dir);
    }
  }
  return undefined;
}

/** The packages with code in an esbuild bundle of `entry` (inputs that add bytes), by their directory name. */
async function esbuildPackages(entry: string, options: BuildOptions): Promise<Map<string, number>> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    metafile: true,
    logLevel: 'silent',
    ...options,
  });
  const bytes = new Map<string, number>();
  for (const output of Object.values(result.metafile?.outputs ?? {})) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const names = [...input.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
      const name = names.at(-1)?.[1];
      if (name) bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return bytes;
}

const BROWSER: BuildOptions = {
  platform: 'browser',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
};

interface Bundle {
  /** As the test names it. */
  readonly name: string;
  readonly file: string;
  readonly entry: string;
  readonly options: BuildOptions;
  readonly minBytes: number;
  /** Carries the side panel: React and Fluent UI. */
  readonly panel: boolean;
  /** The files of the chunks it loads on demand, each with its own notice (what esbuild bundles inline). */
  readonly onDemand?: () => string[];
}

/**
 * The bundles, where they are, and what esbuild bundles from the same entry. Sidebar.html and Code.js are built by
 * esbuild with these very options; the add-in by webpack, whose tree shaking can drop a package esbuild keeps a few
 * bytes of (a module of constants), so there only packages esbuild keeps at least `minBytes` of must be listed.
 */
const BUNDLES: readonly Bundle[] = [
  {
    name: 'dist/apps-script/Code.js',
    file: join(APPS_SCRIPT_DIST, 'Code.js'),
    entry: 'apps-script/main.ts',
    options: { platform: 'neutral', mainFields: ['module', 'main'], target: 'es2019' },
    minBytes: 1,
    panel: false,
  },
  {
    name: 'dist/apps-script/Sidebar.html',
    file: join(APPS_SCRIPT_DIST, 'Sidebar.html'),
    entry: 'apps-script/sidebar/main.tsx',
    options: { ...BROWSER, target: 'es2020' },
    minBytes: 1,
    panel: true,
  },
  {
    name: 'dist/addin/taskpane.js',
    file: join(ADDIN_DIST, 'taskpane.js'),
    entry: 'addin/taskpane.ts',
    options: { ...BROWSER, target: 'es2019' },
    minBytes: 100,
    panel: true,
    // webpack's numbered chunks: DuckDB-Wasm's library and the order-file reader, loaded when a file is opened
    onDemand: () =>
      readdirSync(ADDIN_DIST)
        .filter((f) => /^\d+\.js$/.test(f))
        .map((f) => join(ADDIN_DIST, f)),
  },
  {
    name: 'dist/addin/functions.js',
    file: join(ADDIN_DIST, 'functions.js'),
    entry: 'addin/register.ts',
    options: { ...BROWSER, target: 'es2019' },
    minBytes: 100,
    panel: false,
  },
];

describe('licence notices in what users install', () => {
  describe.each(BUNDLES)('$name', ({ file, entry, options, minBytes, panel, onDemand }) => {
    const files = [file, ...(onDemand?.() ?? [])];

    it('names SegmentKit and every third-party package it bundles (with the chunks it loads on demand)', async () => {
      const { lines, listed } = notice(read(file));
      expect(lines[0]).toMatch(/^SegmentKit \S+, MIT License, Copyright \(c\) .+\.$/);
      const names = listed.map((p) => p.name);
      expect(names).toEqual([...new Set(names)].sort());
      const everywhere = new Set(files.flatMap((f) => notice(read(f)).listed.map((p) => p.name)));
      const bundled = [...(await esbuildPackages(entry, options))].filter(([, bytes]) => bytes >= minBytes);
      expect([...everywhere]).toEqual(expect.arrayContaining(bundled.map(([name]) => name)));
      if (listed.length === 0) expect(lines).toContain('Third-party packages bundled in this file: none.');
      if (panel) {
        for (const name of ['react', 'react-dom', 'scheduler', '@griffel/core', 'tabster'])
          expect(names).toContain(name);
        expect(names.filter((n) => n.startsWith('@fluentui/')).length).toBeGreaterThan(5);
      }
      expect(names.filter((n) => /hyperformula/i.test(n))).toEqual([]);
    });

    it.each(files.map((f) => [relative(ROOT, f), f]))(
      "%s gives each package's version and licence as its package.json does, and its licence text",
      (_name, path) => {
        const { lines, listed } = notice(read(path));
        const present = new Set(lines.map((line) => line.trim()));
        for (const pkg of listed) {
          const copy = installed(pkg.name, pkg.version);
          expect(copy, `${pkg.name}@${pkg.version} is installed`).toBeDefined();
          if (!copy) continue;
          expect(pkg.licence, pkg.name).toBe(copy.json.license);
          const file = readdirSync(copy.dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
          if (!file) {
            const says = `No licence file in the package; its package.json declares ${pkg.licence}`;
            expect(
              lines.some((line) => line.startsWith(says)),
              pkg.name,
            ).toBe(true);
            continue;
          }
          const text = read(join(copy.dir, file))
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== '' && line !== pkg.name);
          // A `*/` in a licence text (Apache Arrow's quotes C comments) is written `* /`, or it would end the notice.
          for (const line of text.map((l) => l.replace(/\*\//g, '* /')))
            expect(present.has(line), `${pkg.name}'s licence: ${line}`).toBe(true);
        }
      },
    );
  });
});
