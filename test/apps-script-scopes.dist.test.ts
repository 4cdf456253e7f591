/**
 * The Apps Script manifest and clasp settings: V8, exception logging, and OAuth scopes limited to what the
 * add-on uses (the current spreadsheet; the sidebar's container UI). Any other scope fails.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_DIST_PATH, requireCodeJs } from './hosts/sheets-vm.js';

export const ALLOWED_SCOPES: ReadonlySet<string> = new Set([
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
]);

/** What is wrong with a manifest's scopes and runtime; empty when it is right. */
function manifestProblems(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const scopes = manifest.oauthScopes;
  if (!Array.isArray(scopes)) return ['oauthScopes must be an explicit list'];
  for (const scope of scopes) if (!ALLOWED_SCOPES.has(scope as string)) problems.push(`scope not allowed: ${scope}`);
  if (new Set(scopes).size !== scopes.length) problems.push('a scope is listed twice');
  if (!scopes.includes('https://www.googleapis.com/auth/spreadsheets.currentonly'))
    problems.push('spreadsheets.currentonly is missing');
  if (manifest.runtimeVersion !== 'V8') problems.push('runtimeVersion must be V8');
  if (manifest.exceptionLogging !== 'STACKDRIVER') problems.push('exceptionLogging must be STACKDRIVER');
  return problems;
}

const readJson = (path: string | URL): Record<string, unknown> =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

const manifest = readJson(new URL('../appsscript.json', import.meta.url));

describe('appsscript.json', () => {
  beforeAll(requireCodeJs);

  it('asks for no scope beyond spreadsheets.currentonly and script.container.ui, runs on V8, logs exceptions', () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('has a time zone Intl knows', () => {
    expect(typeof manifest.timeZone).toBe('string');
    expect(() => new Intl.DateTimeFormat('en', { timeZone: manifest.timeZone as string })).not.toThrow();
  });

  it('is what the build copies to dist/apps-script', () => {
    expect(readJson(MANIFEST_DIST_PATH)).toEqual(manifest);
  });

  it('the check fails on any other scope', () => {
    const base = { runtimeVersion: 'V8', exceptionLogging: 'STACKDRIVER' };
    for (const scope of [
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/userinfo.email',
    ]) {
      const problems = manifestProblems({
        ...base,
        oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly', scope],
      });
      expect(problems).toEqual([`scope not allowed: ${scope}`]);
    }
    expect(manifestProblems(base)).toEqual(['oauthScopes must be an explicit list']);
    expect(manifestProblems({ ...base, oauthScopes: [] })).toEqual(['spreadsheets.currentonly is missing']);
  });
});

describe('.clasp.json', () => {
  const clasp = readJson(new URL('../.clasp.json', import.meta.url));

  it('pushes dist/apps-script and leaves the script id to the user', () => {
    expect(clasp.rootDir).toBe('dist/apps-script');
    expect(typeof clasp.scriptId).toBe('string');
  });
});
