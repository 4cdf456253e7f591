/**
 * The Excel add-in as built: dist/addin/functions.js (built by the artifacts project's global setup) run as Excel's runtime
 * runs it, in a fresh V8 context with a stand-in CustomFunctions and nothing Node-specific, its functions called
 * with what Excel passes (2-D arrays, serial-number dates, null for omitted arguments, blanks as null and as 0);
 * functions.json and functions-vi.json against the catalog and against Office's schema of that metadata; the task
 * pane page and its reference texts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CATALOG,
  dateOut,
  describeProblem,
  invoke,
  paramHelp,
  problem,
  type Lang,
  type OutCell,
  type ParamKind,
} from '../core/index.js';
import { toExcelCell, toExcelGrid } from '../addin/excel-host.js';
import { TEXT, excelFormula, excelSignature, findFunctions, langFor, searchKey } from '../addin/reference.js';
import { METADATA_FILES, metadataFiles, oneLine } from '../addin/functions-metadata.js';
import { HOST_CASES } from './cases/index.js';
import { expectCaseAnswer, toHostArg } from './cases/neutral.js';
import type { HostCase } from './cases/types.js';
import {
  ADDIN_DIST,
  ERROR_CODES,
  FUNCTIONS_JSON_PATH,
  FUNCTIONS_JS_PATH,
  FUNCTIONS_VI_JSON_PATH,
  FakeCustomFunctionsError,
  excelConventions,
  isCustomFunctionsError,
  loadFunctionsJs,
  neutralGridFromExcel,
  readFunctionsJson,
  requireAddinBuilt,
  type FunctionsJson,
  type LoadedFunctionsJs,
} from './hosts/excel-vm.js';

const NOT_A_NUMBER_FIX = ': type a number such as 1234.5 or 1.234.567 ₫';
const SPECS = new Map(CATALOG.map((spec) => [spec.name, spec]));
const MATRIX_KINDS: readonly ParamKind[] = ['range', 'matrix', 'list'];

let excel: LoadedFunctionsJs;
let metadata: FunctionsJson;
let metadataVi: FunctionsJson;

/** excel-host.ts, run here to compute expected answers, finds CustomFunctions as a global, as in Excel. */
const globals = globalThis as { CustomFunctions?: unknown };
const savedCustomFunctions = globals.CustomFunctions;

beforeAll(() => {
  globals.CustomFunctions = { Error: FakeCustomFunctionsError, ErrorCode: ERROR_CODES };
  requireAddinBuilt();
  excel = loadFunctionsJs();
  metadata = readFunctionsJson(FUNCTIONS_JSON_PATH);
  metadataVi = readFunctionsJson(FUNCTIONS_VI_JSON_PATH);
});

afterAll(() => {
  globals.CustomFunctions = savedCustomFunctions;
});

/** Excel-shaped arguments of a case: every declared parameter, omitted ones as null. */
function excelArgs(testCase: HostCase, blank: null | 0): unknown[] {
  const spec = SPECS.get(testCase.fn);
  if (!spec) throw new Error(`no catalog function ${testCase.fn}`);
  const host = excelConventions(blank);
  return spec.params.map((_, i) => toHostArg(testCase.args[i], host));
}

function langOf(testCase: HostCase): Lang {
  const spec = SPECS.get(testCase.fn);
  const at = spec?.params.findIndex((p) => p.kind === 'lang') ?? -1;
  const raw = at >= 0 ? testCase.args[at] : undefined;
  return raw === 'vi' ? 'vi' : 'en';
}

function call(id: string, args: readonly unknown[]): { answer: unknown } | { thrown: unknown } {
  try {
    return { answer: excel.call(id, args, SPECS.get(id)?.params.length) };
  } catch (thrown) {
    return { thrown };
  }
}

/** The core's answer to the same arguments, as Excel should show it. */
function coreAnswer(id: string, args: readonly unknown[]): { grid: unknown[][] } | { error: string } {
  const result = invoke(id, args);
  if (!result.ok) return { error: result.error.messageIn(result.lang) };
  const grid = toExcelGrid(result.grid, result.lang);
  return { grid: grid.map((row) => row.map((cell) => (isCustomFunctionsError(cell) ? { ...cell } : cell))) };
}

function plain(answer: unknown): unknown {
  if (!Array.isArray(answer)) return answer;
  return answer.map((row: unknown) =>
    Array.isArray(row) ? row.map((cell: unknown) => (isCustomFunctionsError(cell) ? { ...cell } : cell)) : row,
  );
}

function expectCase(testCase: HostCase, blank: null | 0): void {
  const args = excelArgs(testCase, blank);
  const outcome = call(testCase.fn, args);
  const core = coreAnswer(testCase.fn, args);
  if ('error' in testCase.expect) {
    expect('thrown' in outcome, `a whole-call problem is thrown: ${JSON.stringify(outcome)}`).toBe(true);
    if (!('thrown' in outcome)) return;
    const thrown = outcome.thrown;
    expect(thrown, 'thrown as a CustomFunctions.Error').toBeInstanceOf(FakeCustomFunctionsError);
    const error = thrown as FakeCustomFunctionsError;
    expect(error.code).toBe(ERROR_CODES.invalidValue);
    expect(core).toEqual({ error: error.message });
    const english = invoke(testCase.fn, args);
    expect(english.ok).toBe(false);
    if (!english.ok) expect(english.error.message).toContain(testCase.expect.error);
    if (langOf(testCase) === 'en') expect(error.message).toContain(testCase.expect.error);
    return;
  }
  expect('answer' in outcome, `answered: ${JSON.stringify(outcome)}`).toBe(true);
  if (!('answer' in outcome)) return;
  expect(plain(outcome.answer), 'the catalog answer, as Excel shows it').toEqual('grid' in core ? core.grid : core);
  const expected = testCase.expect;
  const actual = neutralGridFromExcel(outcome.answer, expected);
  expectCaseAnswer(actual, expected);
}

const caseTitle = (c: HostCase): string => `${c.fn}: ${c.title}`;

/**
 * Office's schema of custom-function metadata, as the unified manifest embeds it (`extensionCustomFunctions`), from
 * the newest manifest schema that office-addin-manifest installs: just the definitions it refers to, since the
 * rest of the file is draft-04 JSON Schema, which Ajv 8 does not read.
 */
function customFunctionsSchema(): { schema: object; definitions: Record<string, { properties?: object }> } {
  const root = fileURLToPath(
    new URL('../node_modules/@microsoft/app-manifest/build/json-schemas/teams/', import.meta.url),
  );
  if (!existsSync(root)) throw new Error(`no manifest schemas in ${root}: is office-addin-manifest installed?`);
  const versions = readdirSync(root)
    .filter((v) => /^v1\.\d+$/.test(v) && existsSync(join(root, v, 'MicrosoftTeams.schema.json')))
    .sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
  const newest = versions.at(-1);
  if (!newest) throw new Error(`no MicrosoftTeams.schema.json in ${root}`);
  const all = (
    JSON.parse(readFileSync(join(root, newest, 'MicrosoftTeams.schema.json'), 'utf8')) as {
      definitions: Record<string, { properties?: object }>;
    }
  ).definitions;
  const definitions: Record<string, { properties?: object }> = {};
  const visit = (name: string): void => {
    const definition = all[name];
    if (!definition) throw new Error(`${newest}: no definition ${name}`);
    if (definitions[name]) return;
    definitions[name] = definition;
    for (const [, ref] of JSON.stringify(definition).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g))
      visit(ref as string);
  };
  visit('extensionCustomFunctions');
  return { schema: { $ref: '#/definitions/extensionCustomFunctions', definitions }, definitions };
}

/** What functions.json must say of each function, from the catalog alone. */
function expectedShape(spec: (typeof CATALOG)[number]): unknown {
  return {
    id: spec.name,
    name: spec.name,
    parameters: spec.params.map((p) => ({
      name: p.name,
      type: 'any',
      dimensionality: MATRIX_KINDS.includes(p.kind) ? 'matrix' : 'scalar',
      optional: p.optional,
    })),
    result: { dimensionality: 'matrix' },
  };
}

/** A metadata function without its descriptions, with Office's defaults filled in. */
/**
 * The options a functions.json function may carry.
 * @see https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json (Metadata reference: options)
 */
const FUNCTIONS_JSON_OPTIONS = [
  'cancelable',
  'capturesCallingObject',
  'excludeFromAutoComplete',
  'linkedEntityLoadService',
  'requiresAddress',
  'requiresParameterAddresses',
  'requiresStreamAddress',
  'requiresStreamParameterAddresses',
  'stream',
  'volatile',
];

function shapeOf(fn: FunctionsJson['functions'][number]): unknown {
  const { description: _d, options: _o, parameters, ...rest } = fn as typeof fn & { options?: unknown };
  return {
    ...rest,
    parameters: parameters.map(({ description: _p, ...p }) => ({
      ...p,
      type: p.type ?? 'any',
      dimensionality: p.dimensionality ?? 'scalar',
      optional: p.optional ?? false,
    })),
  };
}

describe('functions.json and functions-vi.json', () => {
  it('are what addin/functions-metadata.ts writes from the catalog', () => {
    const files = metadataFiles();
    expect(Object.keys(files).sort()).toEqual(['functions-vi.json', 'functions.json']);
    expect(METADATA_FILES).toEqual({ en: 'functions.json', vi: 'functions-vi.json' });
    expect(readFileSync(FUNCTIONS_JSON_PATH, 'utf8')).toBe(files['functions.json']);
    expect(readFileSync(FUNCTIONS_VI_JSON_PATH, 'utf8')).toBe(files['functions-vi.json']);
  });

  it.each([
    ['functions.json', () => metadata],
    ['functions-vi.json', () => metadataVi],
  ] as const)("%s is valid against Office's schema of custom-function metadata", (_file, json) => {
    const { schema, definitions } = customFunctionsSchema();
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(json());
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    // The schema lets functions and parameters carry properties it does not know; Excel would not read them.
    // The unified manifest's schema has a function's options as its own properties; functions.json (the add-in only
    // manifest's file) keeps them in `options`, with the names of Microsoft's metadata reference.
    const known = (name: string): string[] => Object.keys(definitions[name]?.properties ?? {});
    for (const fn of json().functions) {
      const { options, ...rest } = fn as typeof fn & { options?: object };
      expect(known('extensionFunction')).toEqual(expect.arrayContaining(Object.keys(rest)));
      expect(FUNCTIONS_JSON_OPTIONS).toEqual(expect.arrayContaining(Object.keys(options ?? {})));
      for (const p of fn.parameters)
        expect(known('extensionFunctionParameter')).toEqual(expect.arrayContaining(Object.keys(p)));
    }
  });

  it('list the catalog functions by their names, in catalog order, and allow data types as before', () => {
    for (const json of [metadata, metadataVi]) {
      expect(json.functions.map((f) => f.id)).toEqual(CATALOG.map((s) => s.name));
      expect((json as { allowCustomDataForDataTypeAny?: boolean }).allowCustomDataForDataTypeAny).toBe(true);
    }
  });

  it.each(CATALOG.map((spec) => [spec.name, spec] as const))(
    '%s: parameters (names, types, matrix or scalar, optional) and result as the catalog says',
    (name, spec) => {
      for (const json of [metadata, metadataVi]) {
        const fn = json.functions.find((f) => f.id === name);
        expect(fn).toBeDefined();
        if (!fn) return;
        expect(shapeOf(fn)).toEqual(expectedShape(spec));
        // Not volatile, streaming or cancelable; the caller's and parameters' addresses, for messages naming cells.
        expect(fn.options).toEqual({ requiresAddress: true, requiresParameterAddresses: true });
      }
    },
  );

  it.each(['en', 'vi'] as const)('describe every function and parameter in %s, each on one line', (lang) => {
    const json = lang === 'en' ? metadata : metadataVi;
    for (const fn of json.functions) {
      const spec = SPECS.get(fn.id);
      expect(fn.description).toBe(oneLine(spec?.summary[lang] ?? ''));
      fn.parameters.forEach((p, i) => {
        const param = spec?.params[i];
        if (!param) throw new Error(`${fn.id}: no parameter ${i + 1} in the catalog`);
        // The help with its default and range, as every host shows it.
        expect(p.description, `${fn.id}(${p.name})`).toBe(oneLine(paramHelp(param, lang)));
        expect(p.description?.startsWith(oneLine(param.help[lang])), `${fn.id}(${p.name})`).toBe(true);
      });
    }
  });
});

describe('functions.js in a V8 context with only CustomFunctions', () => {
  it('associates every id of functions.json, and nothing else', () => {
    expect([...excel.associated.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  it('associates them in one loop over the catalog', () => {
    const source = readFileSync(FUNCTIONS_JS_PATH, 'utf8');
    expect(source.match(/CustomFunctions\.associate\(/g), 'one associate call').toHaveLength(1);
    expect(new Set(excel.associated.values()).size, 'a function per id').toBe(CATALOG.length);
  });

  it('passes each function exactly its declared arguments: omitted as null or not at all, extras dropped', () => {
    const values = [[50], [30], [15], [5]];
    const abc = excel.associated.get('ABC_CLASS');
    if (!abc) throw new Error('ABC_CLASS is not associated');
    const expected = plain(abc(values, null, null, null, null));
    expect(expected).toEqual([['A'], ['A'], ['B'], ['C']]);
    expect(plain(abc(values)), 'trailing arguments left out').toEqual(expected);
    // An invocation object after the declared parameters (Excel adds one for some options) is not an argument.
    expect(plain(abc(values, null, null, null, null, { address: 'Sheet1!B2' })), 'an extra argument').toEqual(expected);
    expect(plain(abc(values, null, null, null, 'vi', {}))).toEqual(plain(abc(values, null, null, null, 'vi')));
  });

  it('is one self-contained script: no import, require or Office.js inside', () => {
    const source = readFileSync(FUNCTIONS_JS_PATH, 'utf8');
    expect(source).not.toMatch(/\bimport\s*\(|\brequire\(/);
    expect(source).not.toContain('appsforoffice.microsoft.com');
    expect(source).not.toContain('sourceMappingURL');
  });

  it('returns a rectangular 2-D array from every function, blanks as ""', () => {
    for (const spec of CATALOG) {
      const args = spec.params.map((p) => (p.optional ? null : MATRIX_KINDS.includes(p.kind) ? [[null]] : null));
      const outcome = call(spec.name, args);
      if ('thrown' in outcome) {
        expect(outcome.thrown, spec.name).toBeInstanceOf(FakeCustomFunctionsError);
        continue;
      }
      const answer = outcome.answer as unknown[][];
      expect(Array.isArray(answer) && answer.every(Array.isArray), spec.name).toBe(true);
      const width = answer[0]?.length ?? 0;
      expect(width, spec.name).toBeGreaterThan(0);
      for (const row of answer) {
        expect(row.length, spec.name).toBe(width);
        for (const cell of row) expect(cell === null || cell === undefined, `${spec.name}: no null cell`).toBe(false);
      }
    }
  });

  it('gives a per-row problem as a #VALUE! error with the reason in the call language', () => {
    const values = [[50], [30], ['abc'], [15], [null], [5]];
    const en = excel.call('ABC_CLASS', [values, null, null, null, null]) as unknown[][];
    expect(en.map((row) => row.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect([en[0]?.[0], en[1]?.[0], en[3]?.[0], en[4]?.[0], en[5]?.[0]]).toEqual(['A', 'A', 'B', '', 'C']);
    const notANumber = problem('notANumber', { text: 'abc', arg: 'values', row: 3 });
    expect(en[2]?.[0]).toEqual(new FakeCustomFunctionsError('#VALUE!', describeProblem(notANumber, 'en')));
    expect((en[2]?.[0] as FakeCustomFunctionsError).message).toBe(
      'values, row 3 of the range: "abc" is not a number: type a number such as 1234.5 or 1.234.567 ₫',
    );
    const vi = excel.call('ABC_CLASS', [values, null, null, null, 'vi']) as unknown[][];
    expect((vi[2]?.[0] as FakeCustomFunctionsError).message).toBe(describeProblem(notANumber, 'vi'));
    expect(describeProblem(notANumber, 'vi')).toContain('không phải là số');
  });

  it('throws a whole-call problem as #VALUE! with the message in the call language', () => {
    const thrown = (lang: string | null): FakeCustomFunctionsError => {
      const outcome = call('ABC_CLASS', [[[1], [2]], null, 0.9, 0.5, lang]);
      if (!('thrown' in outcome)) throw new Error('expected a throw');
      return outcome.thrown as FakeCustomFunctionsError;
    };
    expect(thrown(null)).toEqual(
      new FakeCustomFunctionsError('#VALUE!', 'b_share (0.5) must be greater than a_share (0.9)'),
    );
    expect(thrown('vi').message).toBe('b_share (0.5) phải lớn hơn a_share (0.9)');
  });

  describe.each([
    ['blanks as null', null],
    ['blanks as 0', 0],
  ] as const)('host cases, Excel-shaped (%s)', (_name, blank) => {
    const cases = HOST_CASES.filter((c) => blank === null || c.blanksMayBeZero !== false);
    it.each(cases.map((c) => [caseTitle(c), c] as const))('%s', (_title, testCase) => expectCase(testCase, blank));
  });
});

describe('excel-host', () => {
  it('turns answer cells into Excel values', () => {
    const cells: [OutCell | null | undefined, unknown][] = [
      ['A', 'A'],
      ['', ''],
      [null, ''],
      [undefined, ''],
      [3.5, 3.5],
      [true, true],
      [dateOut(45_000), 45_000],
      [Number.NaN, new FakeCustomFunctionsError('#NUM!')],
      [Number.POSITIVE_INFINITY, new FakeCustomFunctionsError('#NUM!')],
      [
        problem('notANumber', { text: 'x' }),
        new FakeCustomFunctionsError('#VALUE!', `"x" is not a number${NOT_A_NUMBER_FIX}`),
      ],
    ];
    for (const [cell, want] of cells) expect(toExcelCell(cell, 'en')).toEqual(want);
    expect(toExcelCell(problem('notANumber', { text: 'x' }), 'vi')).toEqual(
      new FakeCustomFunctionsError('#VALUE!', '"x" không phải là số: hãy nhập số như 1234.5 hoặc 1.234.567 ₫'),
    );
  });

  it('pads short rows with "" and answers an empty grid with one blank cell', () => {
    expect(toExcelGrid([['a', 'b'], ['c']], 'en')).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
    expect(toExcelGrid([], 'en')).toEqual([['']]);
    expect(toExcelGrid([[]], 'en')).toEqual([['']]);
  });
});

describe('the task pane', () => {
  const html = (): string => readFileSync(join(ADDIN_DIST, 'taskpane.html'), 'utf8');

  it('loads Office.js from the CDN, then functions.js, then taskpane.js', () => {
    const scripts = [...html().matchAll(/<script\b[^>]*\bsrc="?([^\s">]+)"?/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
      'functions.js',
      'taskpane.js',
    ]);
    expect(readFileSync(join(ADDIN_DIST, 'taskpane.js'), 'utf8')).not.toContain('appsforoffice.microsoft.com');
  });

  it('shows each example in its Excel form', () => {
    for (const spec of CATALOG) {
      const formula = excelFormula(spec.example.formula);
      expect(formula.startsWith(`=SEG.${spec.name}(`), formula).toBe(true);
      expect(formula).not.toMatch(/SEG\.SEG\./);
      expect(excelSignature(spec)).toMatch(new RegExp(`^SEG\\.${spec.name}\\(`));
    }
    expect(excelFormula('=IFERROR(ABC_CLASS(C2:C9), "")')).toBe('=IFERROR(SEG.ABC_CLASS(C2:C9), "")');
  });

  it('says the same things in English and Vietnamese', () => {
    expect(Object.keys(TEXT.vi).sort()).toEqual(Object.keys(TEXT.en).sort());
    expect(TEXT.vi.steps.map((s) => s.formula)).toEqual(TEXT.en.steps.map((s) => s.formula));
    const lang = TEXT.en.steps.find((s) => s.formula?.includes('"vi"'))?.formula ?? '';
    const abc = SPECS.get('ABC_CLASS');
    const commas = lang.split(',').length - 1;
    expect(commas + 1, lang).toBe(abc?.params.length);
  });

  it('finds functions by name or by words of their summary, with or without Vietnamese marks', () => {
    expect(findFunctions('', 'en')).toHaveLength(CATALOG.length);
    expect(findFunctions('abc', 'en').map((s) => s.name)).toContain('ABC_CLASS');
    expect(findFunctions('bo sua', 'vi').map((s) => s.name)).toContain('BCG_QUADRANT');
    expect(findFunctions('zzzz', 'vi')).toEqual([]);
    expect(searchKey('Đường')).toBe('duong');
    expect(langFor('vi-VN')).toBe('vi');
    expect(langFor('en-GB')).toBe('en');
    expect(langFor(undefined)).toBe('en');
  });
});
