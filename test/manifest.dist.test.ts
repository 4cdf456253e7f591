/**
 * Offline checks of the add-in manifest (manifest.xml and the copy the build writes to dist/addin), the ones
 * `office-addin-manifest validate` cannot make without the network, and some it does not make at all:
 * well-formed XML, every resid defined, ids unique, https everywhere, ReadWriteDocument only, one shared
 * runtime behind the task pane, the custom functions and the ribbon button, English and Vietnamese strings,
 * icon files present at their sizes, every served file present, functions.json ids equal to the catalog's names.
 * A second build, for a real host (SEGMENTKIT_URL), is checked in manifest.scale.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../core/index.js';
import {
  ADDIN_DIST,
  FUNCTIONS_JSON_PATH,
  FUNCTIONS_VI_JSON_PATH,
  MANIFEST_DIST_PATH,
  readFunctionsJson,
  requireAddinBuilt,
} from './hosts/excel-vm.js';
import {
  type XmlNode,
  parse,
  asList,
  isNode,
  elements,
  attributes,
  urls,
  attr,
  child,
  text,
} from './hosts/manifest-xml.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MANIFEST_PATH = join(ROOT, 'manifest.xml');
const DEV_URL = 'https://localhost:3000/';
const VI = 'vi-VN';

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).toString('hex'), `${path} is a PNG`).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file in dist/addin a development URL points at. */
function distFile(url: string): string {
  expect(url.startsWith(DEV_URL), `${url} is served by the add-in`).toBe(true);
  return join(ADDIN_DIST, url.slice(DEV_URL.length).split(/[?#]/)[0] ?? '');
}

const source = readFileSync(MANIFEST_PATH, 'utf8');
const manifest = parse(source);
const app = child(manifest, 'OfficeApp');
const overrides = child(app, 'VersionOverrides');
const resources = child(overrides, 'Resources');

/** Resource ids by kind: images, urls, short strings, long strings. */
function resourceIds(kind: 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings'): string[] {
  const group = child(resources, kind);
  const item = kind === 'bt:Images' ? 'bt:Image' : kind === 'bt:Urls' ? 'bt:Url' : 'bt:String';
  return asList(group?.[item]).map((n) => attr(n as XmlNode, 'id') ?? '');
}

function resource(kind: 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings', id: string): XmlNode {
  const group = child(resources, kind);
  const item = kind === 'bt:Images' ? 'bt:Image' : kind === 'bt:Urls' ? 'bt:Url' : 'bt:String';
  const found = asList(group?.[item]).find((n) => attr(n as XmlNode, 'id') === id);
  if (!isNode(found)) throw new Error(`no ${kind} resource ${id}`);
  return found;
}

const resourceUrl = (id: string): string => attr(resource('bt:Urls', id), 'DefaultValue') ?? '';

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(source)).toBe(true);
    expect(app, 'an OfficeApp root').toBeDefined();
    expect(attr(app, 'xsi:type')).toBe('TaskPaneApp');
  });

  it('defines every resid it references, each at most 32 characters', () => {
    const defined = new Set([
      ...resourceIds('bt:Images'),
      ...resourceIds('bt:Urls'),
      ...resourceIds('bt:ShortStrings'),
      ...resourceIds('bt:LongStrings'),
    ]);
    const referenced = attributes(overrides as XmlNode, 'resid');
    expect(referenced.length).toBeGreaterThan(10);
    for (const resid of referenced) {
      expect(defined.has(resid), `resid ${resid} is defined in Resources`).toBe(true);
      expect(resid.length, resid).toBeLessThanOrEqual(32);
    }
    for (const id of defined) expect(referenced, `resource ${id} is used`).toContain(id);
  });

  it('has unique ids and a GUID add-in id', () => {
    const ids = attributes(manifest, 'id');
    expect(new Set(ids).size, JSON.stringify(ids)).toBe(ids.length);
    expect(text(app, 'Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text(app, 'Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('uses https for every URL', () => {
    const all = urls(manifest);
    expect(all.length).toBeGreaterThan(8);
    for (const url of all) expect(url, url).toMatch(/^https:\/\//);
    expect(attr(child(app, 'SupportUrl'), 'DefaultValue')).toMatch(/^https:\/\//);
  });

  it('asks for ReadWriteDocument and nothing broader', () => {
    expect(app?.Permissions).toBe('ReadWriteDocument');
    expect(source.match(/<Permissions>/g)).toHaveLength(1);
  });

  it('runs the task pane, the ribbon button and the custom functions in one long-lived shared runtime', () => {
    const sets = elements(child(app, 'Requirements') as XmlNode, 'Set').map((s) => attr(s, 'Name'));
    expect(sets).toContain('SharedRuntime');
    expect(sets).toContain('CustomFunctionsRuntime');
    const hosts = asList(child(app, 'Hosts')?.Host).map((h) => attr(h as XmlNode, 'Name'));
    expect(hosts).toEqual(['Workbook']);
    expect(attr(overrides, 'xsi:type')).toBe('VersionOverridesV1_0');
    const runtimes = elements(overrides as XmlNode, 'Runtime');
    expect(runtimes).toHaveLength(1);
    expect(attr(runtimes[0], 'lifetime')).toBe('long');
    const runtime = attr(runtimes[0], 'resid');
    expect(runtime).toBe('Taskpane.Url');

    const points = elements(overrides as XmlNode, 'ExtensionPoint');
    const functions = points.find((p) => attr(p, 'xsi:type') === 'CustomFunctions');
    expect(Object.keys(functions ?? {}).filter((k) => !k.startsWith('@_'))).toEqual([
      'Script',
      'Page',
      'Metadata',
      'Namespace',
    ]);
    expect(attr(child(child(functions, 'Page'), 'SourceLocation'), 'resid')).toBe(runtime);
    expect(resourceUrl(attr(child(child(functions, 'Script'), 'SourceLocation'), 'resid') ?? '')).toBe(
      `${DEV_URL}functions.js`,
    );
    expect(resourceUrl(attr(child(child(functions, 'Metadata'), 'SourceLocation'), 'resid') ?? '')).toBe(
      `${DEV_URL}functions.json`,
    );
    const namespace = resource('bt:ShortStrings', attr(child(functions, 'Namespace'), 'resid') ?? '');
    expect(attr(namespace, 'DefaultValue')).toBe('SEG');
    expect(namespace['bt:Override'], 'the namespace is the same in every language').toBeUndefined();

    const desktop = elements(overrides as XmlNode, 'DesktopFormFactor')[0];
    expect(attr(child(desktop, 'FunctionFile'), 'resid')).toBe(runtime);
    expect(resourceUrl(runtime ?? '')).toBe(`${DEV_URL}taskpane.html`);
    expect(attr(child(child(app, 'DefaultSettings'), 'SourceLocation'), 'DefaultValue')).toBe(
      `${DEV_URL}taskpane.html`,
    );
  });

  it('puts a button on the Home tab that opens the task pane', () => {
    const tabs = elements(overrides as XmlNode, 'OfficeTab');
    expect(tabs.map((t) => attr(t, 'id'))).toEqual(['TabHome']);
    const buttons = elements(tabs[0] as XmlNode, 'Control').filter((c) => attr(c, 'xsi:type') === 'Button');
    expect(buttons).toHaveLength(1);
    const action = child(buttons[0], 'Action');
    expect(attr(action, 'xsi:type')).toBe('ShowTaskpane');
    expect(attr(child(action, 'SourceLocation'), 'resid')).toBe('Taskpane.Url');
    expect(text(action, 'TaskpaneId')).toBeTruthy();
    for (const icon of elements(tabs[0] as XmlNode, 'Icon')) {
      expect(asList(icon['bt:Image']).map((i) => attr(i as XmlNode, 'size'))).toEqual(['16', '32', '80']);
    }
  });

  it('speaks English by default and Vietnamese for vi-VN', () => {
    expect(text(app, 'DefaultLocale')).toBe('en-US');
    const locales = attributes(manifest, 'Locale');
    expect(new Set(locales)).toEqual(new Set([VI]));
    for (const [name, max] of [
      ['DisplayName', 125],
      ['Description', 250],
    ] as const) {
      const node = child(app, name);
      const values = [attr(node, 'DefaultValue') ?? '', attr(child(node, 'Override'), 'Value') ?? ''];
      expect(attr(child(node, 'Override'), 'Locale'), `${name} has a vi-VN override`).toBe(VI);
      for (const value of values) {
        expect(value, name).not.toBe('');
        expect(value.length, `${name}: ${value}`).toBeLessThanOrEqual(max);
      }
    }
    const strings = [
      ...resourceIds('bt:ShortStrings').map((id) => ['bt:ShortStrings', id, 125] as const),
      ...resourceIds('bt:LongStrings').map((id) => ['bt:LongStrings', id, 250] as const),
    ];
    for (const [kind, id, max] of strings) {
      const node = resource(kind, id);
      const values = [attr(node, 'DefaultValue') ?? '', attr(child(node, 'bt:Override'), 'Value') ?? ''];
      for (const value of values) expect(value.length, `${id}: ${value}`).toBeLessThanOrEqual(max);
      if (id === 'Functions.Namespace') continue;
      expect(attr(child(node, 'bt:Override'), 'Locale'), `${id} has a Vietnamese text`).toBe(VI);
      expect(values[1], id).not.toBe('');
    }
    const metadata = resource('bt:Urls', 'Functions.Metadata.Url');
    expect(attr(child(metadata, 'bt:Override'), 'Value')).toBe(`${DEV_URL}functions-vi.json`);
  });
});

describe('dist/addin', () => {
  beforeAll(requireAddinBuilt);

  it('holds manifest.xml as written at the root (no SEGMENTKIT_URL set for this build)', () => {
    expect(readFileSync(MANIFEST_DIST_PATH, 'utf8')).toBe(source);
  });

  it('holds every file the manifest points at', () => {
    for (const url of urls(manifest)) {
      if (!url.startsWith(DEV_URL)) continue;
      expect(existsSync(distFile(url)), `${url} is built`).toBe(true);
    }
  });

  it('holds every icon at the size the manifest and the Store ask for', () => {
    const expectSize = (url: string, size: number): void => {
      expect(url, 'the file name says the size').toMatch(new RegExp(`icon-${size}\\.png$`));
      expect(pngSize(distFile(url))).toEqual({ width: size, height: size });
    };
    expectSize(attr(child(app, 'IconUrl'), 'DefaultValue') ?? '', 32);
    expectSize(attr(child(app, 'HighResolutionIconUrl'), 'DefaultValue') ?? '', 64);
    const images = elements(overrides as XmlNode, 'bt:Image').filter((i) => attr(i, 'size'));
    expect(images.length).toBeGreaterThanOrEqual(6);
    for (const image of images) {
      const url = attr(resource('bt:Images', attr(image, 'resid') ?? ''), 'DefaultValue') ?? '';
      expectSize(url, Number(attr(image, 'size')));
    }
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(join(ADDIN_DIST, `assets/icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('has functions.json and functions-vi.json whose ids are the catalog names', () => {
    const names = CATALOG.map((spec) => spec.name);
    expect(readFunctionsJson(FUNCTIONS_JSON_PATH).functions.map((f) => f.id)).toEqual(names);
    expect(readFunctionsJson(FUNCTIONS_VI_JSON_PATH).functions.map((f) => f.id)).toEqual(names);
  });
});
