/**
 * The built Google Sheets script, dist/apps-script/Code.js (built by the artifacts project's global setup), run as
 * Apps Script runs it: a plain script in a fresh V8 context with only the standard JavaScript globals, its custom
 * functions called with what Sheets passes (2-D arrays, "" blanks, Date objects, left-out arguments not passed).
 */
import { SERVER_FUNCTIONS, TRIGGER_FUNCTIONS } from '../apps-script/bridge.js';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CATALOG,
  describeProblem,
  invoke,
  isDateOut,
  isProblem,
  serialToDate,
  serialToIso,
  type Lang,
  type OutCell,
} from '../core/index.js';
import { toSheetsGrid } from '../apps-script/sheets-host.js';
import { OPTIONAL_MARK, jsdocText, paramHelp, paramType } from '../apps-script/wrappers.js';
import { HOST_CASES } from './cases/index.js';
import { expectCaseAnswer, toHostArgs } from './cases/neutral.js';
import type { ExpectedCell, HostCase } from './cases/types.js';
import {
  requireCodeJs,
  findCustomFunctions,
  isAnyDate,
  loadCodeJs,
  neutralGridFromSheets,
  readCodeJs,
  sheetsConventions,
  topLevelFunctions,
  type LoadedCodeJs,
} from './hosts/sheets-vm.js';

let source = '';
let sheets: LoadedCodeJs;

beforeAll(() => {
  requireCodeJs();
  source = readCodeJs();
  sheets = loadCodeJs();
});

/** Calls a custom function; a throw comes back as `{ thrown }` (an Error made in the script's realm). */
function callSheets(
  code: LoadedCodeJs,
  name: string,
  args: readonly unknown[],
): { answer: unknown } | { thrown: unknown } {
  try {
    return { answer: code.call(name, args) };
  } catch (thrown) {
    return { thrown };
  }
}

function thrownMessage(thrown: unknown): string {
  expect(Object.prototype.toString.call(thrown), 'a whole-call problem is thrown as an Error').toBe('[object Error]');
  return (thrown as Error).message;
}

const caseTitle = (c: HostCase): string => `${c.fn}: ${c.title}`;

describe('Code.js as Apps Script loads it', () => {
  it('runs in a context without require, module, exports, process or window', () => {
    for (const name of ['require', 'module', 'exports', 'process', 'window', 'document', 'Buffer', 'setTimeout']) {
      expect(vm.runInContext(`typeof ${name}`, sheets.context), name).toBe('undefined');
    }
    // …while the standard JavaScript globals are there.
    expect(vm.runInContext('typeof Intl + typeof JSON + typeof Date', sheets.context)).toBe('objectobjectfunction');
  });

  it('adds one global object, SegmentKit, besides one function per catalog function and the panel functions', () => {
    const added = Object.getOwnPropertyNames(sheets.context);
    const functions = CATALOG.map((spec) => spec.name);
    expect(added.sort()).toEqual([...functions, ...SERVER_FUNCTIONS, ...TRIGGER_FUNCTIONS, 'SegmentKit'].sort());
    const api = (sheets.context as Record<string, unknown>).SegmentKit as { run: unknown; FUNCTIONS: string[] };
    expect(typeof api.run).toBe('function');
    expect([...api.FUNCTIONS]).toEqual(functions);
  });
});

describe('custom function declarations', () => {
  it('declares every catalog function, and nothing else, as a top-level @customfunction', () => {
    const found = findCustomFunctions(source).map((f) => f.name);
    expect(found).toEqual(CATALOG.map((spec) => spec.name));
    expect(topLevelFunctions(source).map((f) => f.name)).toEqual([...found, ...TRIGGER_FUNCTIONS, ...SERVER_FUNCTIONS]);
  });

  it.each(CATALOG.map((spec) => [spec.name, spec] as const))(
    '%s has the real parameter names and JSDoc help',
    (_name, spec) => {
      const fn = findCustomFunctions(source).find((f) => f.name === spec.name);
      expect(fn, `${spec.name} is missing`).toBeDefined();
      if (!fn) return;
      expect(fn.params).toEqual(spec.params.map((p) => p.name));
      const lines = fn.jsdoc.split('\n').map((l) => l.replace(/^\s*\*\s?/, '').trim());
      expect(lines).toContain(jsdocText(spec.summary.en));
      const paramLines = lines.filter((l) => l.startsWith('@param'));
      expect(paramLines).toEqual(spec.params.map((p) => `@param {${paramType(p)}} ${p.name} ${paramHelp(p)}`));
      spec.params.forEach((p, i) => {
        expect(paramLines[i]?.includes(OPTIONAL_MARK), `${p.name} optional mark`).toBe(p.optional);
        expect(paramType(p).endsWith('='), `${p.name} optional type`).toBe(p.optional);
      });
      expect(lines.filter((l) => l.startsWith('@return'))).toHaveLength(1);
      expect(lines).toContain('@customfunction');
      // Every line of the block is a comment line: nothing the JSDoc parser could read as code or a new tag.
      expect(
        fn.jsdoc
          .split('\n')
          .slice(1, -1)
          .every((l) => l.startsWith(' * ') || l === ' *'),
      ).toBe(true);
    },
  );
});

/** Syntax Apps Script's V8 rejects, or that needs modules: anything past ES2019, and import/export/require. */
function unsupportedSyntax(code: string): string[] {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const at = (node: ts.Node, what: string): void => {
    found.push(`${what} at ${node.getStart(file)}: ${node.getText(file).slice(0, 60)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) at(node, 'import declaration');
    else if (ts.isExportDeclaration(node) || ts.isExportAssignment(node)) at(node, 'export');
    else if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
      at(node, 'export modifier');
    if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) at(node, 'dynamic import()');
      if (ts.isIdentifier(node.expression) && node.expression.text === 'require') at(node, 'require()');
      if (node.questionDotToken) at(node, 'optional call');
    }
    if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) at(node, 'import.meta');
    if (ts.isPropertyDeclaration(node)) at(node, 'class field');
    if (ts.isClassStaticBlockDeclaration(node)) at(node, 'class static block');
    if (ts.isPrivateIdentifier(node)) at(node, 'private #name');
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && node.questionDotToken)
      at(node, 'optional chaining');
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.QuestionQuestionToken) at(node, '?? operator');
      if (
        op === ts.SyntaxKind.QuestionQuestionEqualsToken ||
        op === ts.SyntaxKind.BarBarEqualsToken ||
        op === ts.SyntaxKind.AmpersandAmpersandEqualsToken
      )
        at(node, 'logical assignment');
    }
    if (ts.isNumericLiteral(node) && node.getText(file).includes('_')) at(node, 'numeric separator');
    if (ts.isBigIntLiteral(node)) at(node, 'BigInt literal');
    if (ts.isAwaitExpression(node) && !ts.findAncestor(node, ts.isFunctionLike)) at(node, 'top-level await');
    ts.forEachChild(node, visit);
  };
  visit(file);
  if ((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0) found.push('parse errors');
  return found;
}

/**
 * `import`/`export` and `require(…)` as the parser reads them (never inside strings, comments or regular expressions,
 * which a bare token scanner cannot tell from division): import and export declarations, `export` modifiers,
 * `import(…)` and `import.meta`, and calls of a `require` name.
 */
function moduleTokens(code: string): string[] {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const at = (node: ts.Node, what: string): void => {
    found.push(`${what} at ${node.getStart(file)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) at(node, 'import');
    if (ts.isExportDeclaration(node) || ts.isExportAssignment(node)) at(node, 'export');
    if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
      at(node, 'export');
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) at(node, 'import');
    if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) at(node, 'import');
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require')
      at(node, 'require(');
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('syntax Apps Script accepts', () => {
  it('has no import, export or require( tokens', () => {
    expect(moduleTokens(source)).toEqual([]);
  });

  it('has no class fields or other syntax past ES2019', () => {
    expect(unsupportedSyntax(source)).toEqual([]);
  });

  it('the checks see what they look for', () => {
    expect(moduleTokens('import x from "y";\nexport const a = 1; const b = require("c");')).toHaveLength(3);
    expect(moduleTokens('const s = "import export require(x)"; // export')).toEqual([]);
    // A quote inside a regular expression does not open a string (a token scanner lost its place here).
    expect(moduleTokens("const r = /^'([^']+)'!/; const t = \"(an export has one line)\";")).toEqual([]);
    const bad = 'class A { x = 1; #y = 2; static { } } a?.b; a ?? b; a ||= b; 1_000; 10n; f?.();';
    expect(unsupportedSyntax(bad).map((f) => f.split(' at ')[0])).toEqual(
      expect.arrayContaining([
        'class field',
        'private #name',
        'class static block',
        'optional chaining',
        '?? operator',
        'logical assignment',
        'numeric separator',
        'BigInt literal',
        'optional call',
      ]),
    );
  });
});

/** Dates as Sheets passes them: made outside the script's realm, or by the script's own Date. */
const DATE_REALMS: readonly (readonly [string, (code: LoadedCodeJs) => (serial: number) => Date])[] = [
  ['dates made outside the script', () => serialToDate],
  ['dates made by the script realm', (code) => (serial) => code.innerDate(serialToDate(serial).getTime())],
];

describe.each(DATE_REALMS)('host cases through Code.js (%s)', (_realm, dateMaker) => {
  it.each(HOST_CASES.map((c) => [caseTitle(c), c] as const))('%s', (_title, testCase) => {
    const args = toHostArgs(testCase.args, sheetsConventions(dateMaker(sheets)));
    const result = callSheets(sheets, testCase.fn, args);
    if ('error' in testCase.expect) {
      expect('thrown' in result, 'a whole-call problem throws').toBe(true);
      if ('thrown' in result) expect(thrownMessage(result.thrown)).toContain(testCase.expect.error);
      return;
    }
    if ('thrown' in result) throw new Error(`threw: ${thrownMessage(result.thrown)}`);
    expectCaseAnswer(neutralGridFromSheets(result.answer), testCase.expect);
  });
});

/** What Sheets should show for a core answer cell, written independently of the adapter. */
function sheetsViewOfCore(cell: OutCell, lang: Lang): ExpectedCell {
  if (isProblem(cell)) return { problem: describeProblem(cell, lang) };
  if (isDateOut(cell)) return { date: serialToIso(cell.serial) };
  return cell;
}

describe('Code.js gives the core answers', () => {
  it('host-cases.core.test.ts runs the same table against the core', () => {
    const coreTest = readFileSync(new URL('./host-cases.core.test.ts', import.meta.url), 'utf8');
    expect(coreTest).toMatch(/import \{ HOST_CASES \} from '\.\/cases\/index\.js';/);
    expect(coreTest).toContain('HOST_CASES.map(');
    expect(HOST_CASES.length).toBeGreaterThan(0);
    const covered = new Set(HOST_CASES.map((c) => c.fn));
    expect([...covered].every((name) => CATALOG.some((spec) => spec.name === name))).toBe(true);
  });

  it.each(HOST_CASES.map((c) => [caseTitle(c), c] as const))('%s: same cells and messages as the core', (_t, c) => {
    const args = toHostArgs(c.args, sheetsConventions(serialToDate));
    const core = invoke(c.fn, args);
    const result = callSheets(sheets, c.fn, args);
    if (!core.ok) {
      expect('thrown' in result).toBe(true);
      if ('thrown' in result) expect(thrownMessage(result.thrown)).toBe(core.error.messageIn(core.lang));
      return;
    }
    if ('thrown' in result) throw new Error(`threw: ${thrownMessage(result.thrown)}`);
    expect(neutralGridFromSheets(result.answer)).toEqual(
      core.grid.map((row) => row.map((cell) => sheetsViewOfCore(cell, core.lang))),
    );
  });
});

const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

describe('Sheets behaviour', () => {
  it('a per-row problem is #VALUE! text in the call language; the other rows are answered', () => {
    expect(sheets.call('ABC_CLASS', [col(50, 30, 'abc', 5), undefined, undefined, undefined, 'vi'])).toEqual([
      ['A'],
      ['B'],
      ['#VALUE! values, dòng 3 của vùng: "abc" không phải là số: hãy nhập số như 1234.5 hoặc 1.234.567 ₫'],
      ['C'],
    ]);
    expect(sheets.call('ABC_CLASS', [col(50, 30, '1.234', 15, 5)])).toEqual([
      ['A'],
      ['A'],
      [
        '#VALUE! values, row 3 of the range: "1.234" could be 1.234 or 1234: type it as a number, or without the separator',
      ],
      ['B'],
      ['C'],
    ]);
  });

  it('a whole-call problem throws an Error in the call language', () => {
    const en = callSheets(sheets, 'ABC_CLASS', [col(1, 2), undefined, 0.9, 0.5]);
    const vi = callSheets(sheets, 'ABC_CLASS', [col(1, 2), undefined, 0.9, 0.5, 'vi']);
    expect('thrown' in en && thrownMessage(en.thrown)).toBe('b_share (0.5) must be greater than a_share (0.9)');
    expect('thrown' in vi && thrownMessage(vi.thrown)).toBe('b_share (0.5) phải lớn hơn a_share (0.9)');
  });

  it('arguments: left out, skipped (undefined), pointing at a blank cell (""), too many, missing', () => {
    const expected = [['A'], ['A'], ['B'], ['C']];
    expect(sheets.call('ABC_CLASS', [col(50, 30, 15, 5)])).toEqual(expected);
    expect(sheets.call('ABC_CLASS', [col(50, 30, 15, 5), undefined, undefined, 0.95])).toEqual(expected);
    expect(sheets.call('ABC_CLASS', [col(50, 30, 15, 5), '', '', '', ''])).toEqual(expected);
    const tooMany = callSheets(sheets, 'ABC_CLASS', [col(1), undefined, 0.8, 0.95, 'en', 'extra']);
    expect('thrown' in tooMany && thrownMessage(tooMany.thrown)).toBe(
      'ABC_CLASS takes at most 5 arguments; it was given 6',
    );
    const missing = callSheets(sheets, 'ABC_CLASS', []);
    expect('thrown' in missing && thrownMessage(missing.thrown)).toBe('values is required');
  });

  it('a single cell (a bare value) and a row range answer in their own shape', () => {
    expect(sheets.call('ABC_CLASS', [15, col(50, 30, 15, 5)])).toEqual([['B']]);
    expect(sheets.call('ABC_CLASS', [[[50, 30, 15, 5]]])).toEqual([['A', 'A', 'B', 'C']]);
  });

  it('date answers are Date objects on the right day; Date arguments from either realm read the same', () => {
    const lines = (makeDate: (y: number, m: number, d: number) => Date): unknown[] => [
      col('a', 'b', 'a'),
      col(makeDate(2024, 0, 5), makeDate(2024, 1, 1), makeDate(2024, 2, 3)),
      col(10, 20, 30),
    ];
    const outside = sheets.call(
      'RFM_TABLE',
      lines((y, m, d) => new Date(y, m, d)),
    ) as unknown[][];
    const inside = sheets.call(
      'RFM_TABLE',
      lines((y, m, d) => sheets.innerDate(new Date(y, m, d).getTime())),
    ) as unknown[][];
    const last = outside[1]?.[1];
    expect(isAnyDate(last)).toBe(true);
    expect(neutralGridFromSheets(outside)[1]?.slice(0, 3)).toEqual(['a', { date: '2024-03-03' }, 0]);
    expect(neutralGridFromSheets(inside)).toEqual(neutralGridFromSheets(outside));
  });
});

/** Midnight of an ISO day in a fixed-offset zone, as an instant. */
const midnightAt = (iso: string, offsetHours: number): Date =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - offsetHours * 3_600_000);
/** The ISO day an instant falls on in a fixed-offset zone. */
const dayAt = (date: Date, offsetHours: number): string =>
  new Date(date.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 10);

/** Stand-ins for the Apps Script services the time-zone handling asks. */
function appsScriptGlobals(zone: string, formatDate?: (date: Date, zone: string, format: string) => string) {
  return {
    SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => zone }) },
    ...(formatDate ? { Utilities: { formatDate } } : {}),
  };
}

describe('spreadsheet time zone differs from the script time zone', () => {
  const orders = (offset: number): unknown[] => [
    col('a', 'b', 'a'),
    col(midnightAt('2024-01-05', offset), midnightAt('2024-02-01', offset), midnightAt('2024-03-03', offset)),
    col(10, 20, 30),
  ];

  it.each([
    ['Pacific/Kiritimati', 14],
    ['Pacific/Pago_Pago', -11],
  ])('dates in and out keep their day in %s (through Intl)', (zone, offset) => {
    const code = loadCodeJs({ globals: appsScriptGlobals(zone) });
    const answer = code.call('RFM_TABLE', orders(offset)) as unknown[][];
    const grid = neutralGridFromSheets(answer, (date) => dayAt(date, offset));
    expect(grid[1]?.slice(0, 3)).toEqual(['a', { date: '2024-03-03' }, 0]);
    expect(grid[2]?.slice(0, 3)).toEqual(['b', { date: '2024-02-01' }, 31]);
    // The returned Date is midnight in the spreadsheet's zone.
    expect((answer[1]?.[1] as Date).getTime()).toBe(midnightAt('2024-03-03', offset).getTime());
  });

  it('falls back to Utilities.formatDate for a zone Intl does not know', () => {
    const offset = 14;
    const formatDate = (date: Date, _zone: string, format: string): string => {
      expect(format).toBe('yyyy-MM-dd HH:mm:ss');
      return new Date(date.getTime() + offset * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    };
    const code = loadCodeJs({ globals: appsScriptGlobals('Test/Plus14', formatDate) });
    const answer = code.call('RFM_TABLE', orders(offset)) as unknown[][];
    const grid = neutralGridFromSheets(answer, (date) => dayAt(date, offset));
    expect(grid[1]?.slice(0, 3)).toEqual(['a', { date: '2024-03-03' }, 0]);
    expect(grid[2]?.slice(0, 3)).toEqual(['b', { date: '2024-02-01' }, 31]);
  });

  it('without a readable spreadsheet zone, dates stay in the script zone', () => {
    const failing = {
      SpreadsheetApp: {
        getActiveSpreadsheet: () => {
          throw new Error('no access');
        },
      },
    };
    const code = loadCodeJs({ globals: failing });
    const local = (y: number, m: number, d: number): Date => new Date(y, m, d);
    const answer = code.call('RFM_TABLE', [col('a'), col(local(2024, 2, 3)), col(10)]);
    expect(neutralGridFromSheets(answer)[1]?.slice(0, 3)).toEqual(['a', { date: '2024-03-03' }, 0]);
  });
});

describe('toSheetsGrid', () => {
  it('pads short rows, turns non-finite numbers and null into text, returns "" for an empty answer', () => {
    expect(toSheetsGrid([], 'en')).toBe('');
    expect(toSheetsGrid([[]], 'en')).toBe('');
    expect(toSheetsGrid([['a', 1], ['b']], 'en')).toEqual([
      ['a', 1],
      ['b', ''],
    ]);
    expect(toSheetsGrid([[Number.NaN, null as never, true]], 'en')).toEqual([['#NUM!', '', true]]);
  });

  it('passes rows that need no change through untouched (shared frozen rows stay shared)', () => {
    const shared = Object.freeze(['A']) as unknown as string[];
    const out = toSheetsGrid([shared, shared], 'en') as unknown[][];
    expect(out[0]).toBe(shared);
    expect(out[1]).toBe(shared);
  });
});
