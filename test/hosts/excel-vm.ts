/**
 * The built Excel custom functions, `dist/addin/functions.js`, loaded the way Excel's runtime loads them: one
 * plain script in a fresh V8 context holding only the standard JavaScript globals and a stand-in
 * `CustomFunctions` (associate, Error, ErrorCode), nothing Node-specific (no require, module, process, console)
 * and no DOM. Functions are called through the ids they associated, as Excel calls them. Shared by the add-in
 * tests and the cross-host parity test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { serialToIso } from '../../core/index.js';
import type { HostConventions } from '../cases/neutral.js';
import type { ExpectedCell } from '../cases/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ADDIN_DIST = join(ROOT, 'dist/addin');
export const FUNCTIONS_JS_PATH = join(ADDIN_DIST, 'functions.js');
export const FUNCTIONS_JSON_PATH = join(ADDIN_DIST, 'functions.json');
export const FUNCTIONS_VI_JSON_PATH = join(ADDIN_DIST, 'functions-vi.json');
export const MANIFEST_DIST_PATH = join(ADDIN_DIST, 'manifest.xml');

/** What dist/addin is built from (taskpane.js bundles panel/); an output older than any of them is rebuilt. */
const SOURCES = ['core', 'addin', 'panel', 'assets', 'manifest.xml', 'webpack.config.js', 'scripts/licence-notice.js'];
const OUTPUTS = ['functions.js', 'functions.json', 'functions-vi.json', 'taskpane.html', 'taskpane.js', 'manifest.xml'];
const LOCK = join(ROOT, 'dist/.addin-build.lock');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/addin is missing an output or older than its sources. */
export function addinIsStale(): boolean {
  const outputs = OUTPUTS.map((f) => join(ADDIN_DIST, f));
  if (!outputs.every((f) => existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return SOURCES.some((source) => {
    const path = join(ROOT, source);
    return existsSync(path) && newestMtime(path) > built;
  });
}

/** Runs `webpack --mode production`; on failure, throws with webpack's output. */
function buildAddin(): void {
  try {
    execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`webpack --mode production failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds dist/addin with `webpack --mode production` when it is missing or stale: the global setup of the artifacts
 * and scale projects (test/dist-setup.ts), never a test. Another vitest run on the same tree may be building too, so
 * one builds while the others wait for its lock.
 */
export async function ensureAddinBuilt(): Promise<void> {
  for (let waited = 0; addinIsStale(); waited += 250) {
    mkdirSync(join(ROOT, 'dist'), { recursive: true });
    let locked = false;
    try {
      mkdirSync(LOCK);
      locked = true;
    } catch {
      // Another test file is building; a lock older than 10 minutes was left by a crash.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 600_000) rmSync(LOCK, { recursive: true });
    }
    if (locked) {
      try {
        if (addinIsStale()) buildAddin();
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      return;
    }
    if (waited > 600_000) throw new Error('timed out waiting for another test file to build dist/addin');
    await sleep(250);
  }
}

/**
 * For a test's beforeAll: fails (never skips, never builds) when dist/addin is missing an output. The global setup of
 * the artifacts and scale projects has built it by then; a test file run outside them has no build to read.
 */
export function requireAddinBuilt(): void {
  const missing = OUTPUTS.map((f) => join(ADDIN_DIST, f)).filter((f) => !existsSync(f));
  if (missing.length > 0)
    throw new Error(
      `${missing.join(', ')} missing: run this file in the artifacts or scale project (npx vitest run --project ` +
        'artifacts), whose global setup builds dist/, or npm run build',
    );
}

/** A stand-in for `CustomFunctions.Error`: an error code and an optional message. */
export class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export interface FunctionsJson {
  readonly functions: readonly {
    readonly id: string;
    readonly name: string;
    readonly description?: string;
    readonly parameters: readonly {
      readonly name: string;
      readonly description?: string;
      readonly type?: string;
      readonly dimensionality?: string;
      readonly optional?: boolean;
    }[];
    readonly result: { readonly type?: string; readonly dimensionality?: string };
    readonly options?: Readonly<Record<string, unknown>>;
  }[];
}

export function readFunctionsJson(path = FUNCTIONS_JSON_PATH): FunctionsJson {
  return JSON.parse(readFileSync(path, 'utf8')) as FunctionsJson;
}

export interface LoadedFunctionsJs {
  /** The script's global object. */
  readonly context: vm.Context;
  /** Every id the script associated, with its function. */
  readonly associated: Map<string, (...args: unknown[]) => unknown>;
  /**
   * Calls an associated id as Excel does: every declared parameter is passed, an omitted one as `null`
   * (`paramCount` defaults to the length of `args`). Returns what the function returns; throws what it throws.
   */
  call(id: string, args: readonly unknown[], paramCount?: number): unknown;
}

export interface LoadOptions {
  /** The script text; default: the built functions.js. */
  readonly source?: string;
}

/** Loads functions.js into a fresh context holding nothing but the standard globals and a fake CustomFunctions. */
export function loadFunctionsJs(options: LoadOptions = {}): LoadedFunctionsJs {
  const source = options.source ?? readFileSync(FUNCTIONS_JS_PATH, 'utf8');
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const associate = (idOrMap: unknown, fn?: unknown): void => {
    const entries: [string, unknown][] =
      typeof idOrMap === 'string' ? [[idOrMap, fn]] : Object.entries(idOrMap as Record<string, unknown>);
    for (const [id, f] of entries) {
      if (typeof f !== 'function') throw new Error(`CustomFunctions.associate(${id}) was given no function`);
      associated.set(id.toUpperCase(), f as (...args: unknown[]) => unknown);
    }
  };
  const CustomFunctions = Object.freeze({ associate, Error: FakeCustomFunctionsError, ErrorCode: ERROR_CODES });
  const context = vm.createContext({ CustomFunctions });
  new vm.Script(source, { filename: 'functions.js' }).runInContext(context);
  return {
    context,
    associated,
    call(id, args, paramCount = args.length) {
      const fn = associated.get(id.toUpperCase());
      if (!fn) throw new Error(`functions.js associated no function with id ${id}`);
      const full = Array.from({ length: Math.max(paramCount, args.length) }, (_, i) =>
        i < args.length ? args[i] : null,
      );
      return fn(...full);
    },
  };
}

/** What Excel passes: blanks as `blank` (`null` or `0`), dates as serial numbers, omitted arguments as `null`. */
export function excelConventions(blank: null | 0): HostConventions {
  return { blank, date: (serial) => serial, omitted: null };
}

export function isCustomFunctionsError(value: unknown): value is FakeCustomFunctionsError {
  return value instanceof FakeCustomFunctionsError;
}

/**
 * One Excel answer cell as a neutral cell: a `#VALUE!` error → {problem: its message}, another error → {problem:
 * its code}; with `isDate`, a number is a date serial and comes back as {date}.
 */
export function neutralFromExcel(cell: unknown, isDate = false): ExpectedCell {
  if (isCustomFunctionsError(cell)) {
    if (cell.code !== ERROR_CODES.invalidValue) return { problem: cell.code };
    return { problem: cell.message ?? '' };
  }
  if (typeof cell === 'number') return isDate ? { date: serialToIso(cell) } : cell;
  if (typeof cell === 'string' || typeof cell === 'boolean') return cell;
  throw new Error(`Excel cannot show ${Object.prototype.toString.call(cell)}: ${JSON.stringify(cell)}`);
}

/**
 * An Excel answer as a neutral grid. Excel shows dates as numbers; `expected` (a neutral grid) tells which cells
 * are dates, so a serial is compared as the date it stands for.
 */
export function neutralGridFromExcel(
  answer: unknown,
  expected?: readonly (readonly ExpectedCell[])[],
): ExpectedCell[][] {
  if (!Array.isArray(answer))
    throw new Error(`an Excel custom function must return a 2-D array, got ${JSON.stringify(answer)}`);
  return answer.map((row: unknown, i) => {
    if (!Array.isArray(row)) throw new Error(`an Excel answer row must be an array, got ${JSON.stringify(row)}`);
    return row.map((cell: unknown, j) => {
      const want = expected?.[i]?.[j];
      return neutralFromExcel(cell, typeof want === 'object' && want !== null && 'date' in want);
    });
  });
}
