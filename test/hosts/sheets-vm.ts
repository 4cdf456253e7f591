/**
 * The built Google Sheets script, `dist/apps-script/Code.js`, loaded the way Apps Script runs it: one plain
 * script in a fresh V8 context holding only the standard JavaScript globals (no require, module, exports,
 * process, window, console), its custom functions called as Sheets calls them. Shared by the Sheets tests
 * and the cross-host parity test. The artifacts project's global setup (test/dist-setup.ts) builds dist/apps-script
 * when it is missing or stale (ensureCodeJs); the tests only read it (requireCodeJs), they never build.
 */
import { expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { serialToIso } from '../../core/index.js';
import type { ExpectedCell } from '../cases/types.js';
import type { HostConventions } from '../cases/neutral.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CODE_JS_PATH = join(ROOT, 'dist/apps-script/Code.js');
export const MANIFEST_DIST_PATH = join(ROOT, 'dist/apps-script/appsscript.json');
export const SIDEBAR_DIST_PATH = join(ROOT, 'dist/apps-script/Sidebar.html');
/** What `buildAppsScript()` writes; each one is read by a test. */
const OUTPUTS = [CODE_JS_PATH, MANIFEST_DIST_PATH, SIDEBAR_DIST_PATH];

/**
 * Sources dist/apps-script is built from (Sidebar.html bundles the panel; both bundles open with a licence notice
 * of the installed packages); an output older than any of them is rebuilt.
 */
const SOURCES = [
  'core',
  'apps-script',
  'panel',
  'scripts/build-apps-script.ts',
  'scripts/build-sidebar.ts',
  'scripts/licence-notice.js',
  'appsscript.json',
  'package-lock.json',
];

/** The newest modification time under a path (a file's own, or the newest file's in a folder). */
export function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when an output of dist/apps-script is missing or older than its sources. */
export function codeJsIsStale(): boolean {
  if (!OUTPUTS.every((f) => existsSync(f))) return true;
  const built = Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs));
  return SOURCES.some((source) => {
    const path = join(ROOT, source);
    return existsSync(path) && newestMtime(path) > built;
  });
}

/** Builds dist/apps-script when it is missing or stale: the artifacts project's global setup, never a test. */
export async function ensureCodeJs(): Promise<void> {
  if (!codeJsIsStale()) return;
  const { buildAppsScript } = await import('../../scripts/build-apps-script.js');
  await buildAppsScript();
}

/**
 * For a test's beforeAll: fails (never skips, never builds) when dist/apps-script is missing. The global setup of
 * the artifacts and scale projects has built it by then; a test file run outside them has no build to read.
 */
export function requireCodeJs(): void {
  const missing = OUTPUTS.filter((f) => !existsSync(f));
  if (missing.length > 0)
    throw new Error(
      `${missing.join(', ')} missing: run this file in the artifacts or scale project (npx vitest run --project ` +
        'artifacts), whose global setup builds dist/, or npm run build',
    );
}

export function readCodeJs(): string {
  return readFileSync(CODE_JS_PATH, 'utf8');
}

export interface LoadOptions {
  /** Extra globals, e.g. stand-ins for SpreadsheetApp or Utilities. */
  readonly globals?: Readonly<Record<string, unknown>>;
  /** The script text; default: the built Code.js. */
  readonly source?: string;
}

export interface LoadedCodeJs {
  /** The script's global object. */
  readonly context: vm.Context;
  /** The script text that was run. */
  readonly source: string;
  /** Calls a top-level function as Sheets calls a custom function: only the arguments given are passed. */
  call(name: string, args: readonly unknown[]): unknown;
  /** A Date made by the script's own Date constructor (the realm Sheets' dates live in). */
  innerDate(time: number): Date;
}

/** Loads Code.js into a fresh context with nothing but the standard JavaScript globals (plus `globals`). */
export function loadCodeJs(options: LoadOptions = {}): LoadedCodeJs {
  const source = options.source ?? readCodeJs();
  const context = vm.createContext({ ...options.globals });
  new vm.Script(source, { filename: 'Code.js' }).runInContext(context);
  const InnerDate = vm.runInContext('Date', context) as DateConstructor;
  return {
    context,
    source,
    call(name, args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Code.js has no global function ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
    innerDate: (time) => new InnerDate(time),
  };
}

/** A Date from any realm (Dates made inside the vm context fail `instanceof Date` here). */
export function isAnyDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** ISO day of a Date on the local wall clock, as Sheets (in the script's zone) shows it. */
export function localIso(date: Date): string {
  const serial = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000 + 25_569;
  return serialToIso(serial);
}

/** One Sheets answer cell as a neutral cell: `#VALUE! …` text → {problem}, Date → {date}. */
export function neutralFromSheets(cell: unknown, iso: (date: Date) => string = localIso): ExpectedCell {
  if (typeof cell === 'string' && cell.startsWith('#VALUE! ')) return { problem: cell.slice('#VALUE! '.length) };
  if (isAnyDate(cell)) return { date: iso(cell) };
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  throw new Error(`Sheets cannot show ${Object.prototype.toString.call(cell)}: ${JSON.stringify(cell)}`);
}

/** A Sheets answer (a grid or one value) as a neutral grid. */
export function neutralGridFromSheets(answer: unknown, iso?: (date: Date) => string): ExpectedCell[][] {
  if (!Array.isArray(answer)) return [[neutralFromSheets(answer, iso)]];
  return answer.map((row: unknown) => {
    if (!Array.isArray(row)) throw new Error(`a Sheets answer row must be an array, got ${JSON.stringify(row)}`);
    return row.map((cell: unknown) => neutralFromSheets(cell, iso));
  });
}

/** What Sheets passes: blanks as "", dates as Date objects (made by `makeDate`), omitted arguments not passed. */
export function sheetsConventions(makeDate: (serial: number) => Date): HostConventions {
  return { blank: '', date: makeDate, omitted: undefined };
}

/** A top-level custom function found in the script text. */
export interface FoundFunction {
  readonly name: string;
  readonly params: readonly string[];
  /** The JSDoc block right above the declaration. */
  readonly jsdoc: string;
}

/**
 * Every top-level function declaration of the script (parsed, so nothing nested inside the bundle counts),
 * with the JSDoc block right above it, if any.
 */
export function topLevelFunctions(source: string): FoundFunction[] {
  const file = ts.createSourceFile('Code.js', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: FoundFunction[] = [];
  for (const statement of file.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const comments = ts.getLeadingCommentRanges(source, statement.pos) ?? [];
    const last = comments[comments.length - 1];
    const text = last ? source.slice(last.pos, last.end) : '';
    found.push({
      name: statement.name.text,
      params: statement.parameters.map((p) => p.name.getText(file)),
      jsdoc: text.startsWith('/**') ? text : '',
    });
  }
  return found;
}

/** The top-level functions whose JSDoc carries `@customfunction`, as Sheets lists them in autocomplete. */
export function findCustomFunctions(source: string): FoundFunction[] {
  return topLevelFunctions(source).filter((f) => /@customfunction\b/.test(f.jsdoc));
}

/**
 * Calls a server function as the sidebar does through google.script.run: arguments go as JSON, and the answer must
 * survive JSON unchanged (the bridge hands the sidebar nothing else).
 */
export function sidebarCall(script: LoadedCodeJs): <T>(name: string, ...args: unknown[]) => T {
  return <T>(name: string, ...args: unknown[]): T => {
    const answer = script.call(
      name,
      args.map((a) => JSON.parse(JSON.stringify(a)) as unknown),
    );
    expect(JSON.parse(JSON.stringify(answer ?? null))).toEqual(answer ?? null);
    return answer as T;
  };
}
