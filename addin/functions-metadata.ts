/**
 * Excel's custom-function metadata, written straight from the catalog in Office's JSON metadata format
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json): functions.json in English and
 * functions-vi.json in Vietnamese (the manifest's vi-VN override of the metadata URL), the same but for the
 * descriptions. Build-time code, never bundled: webpack.config.js loads this file with tsx and emits the two files;
 * addin/register.ts associates the same ids with their code at run time.
 *
 * Per function: id = name = the catalog name (Excel shows it as SEG.NAME; the namespace is the manifest's); its
 * summary as description; each parameter with its help (default and range included), type `any` (the core reads
 * every value itself), `matrix` for ranges, matrices and lists (Excel passes a 2-D array) or `scalar` for single
 * values, and whether it is optional; the result always a `matrix` (every answer is a 2-D array, see
 * excel-host.ts). Options: every function asks for its caller's address and its parameters' addresses
 * (`requiresAddress`, `requiresParameterAddresses`; the latter needs a `matrix` result, which every function has), so
 * a per-row problem names the sheet's own cell (register.ts reads the invocation argument Excel then adds); none is
 * volatile, streaming or cancelable.
 * `allowCustomDataForDataTypeAny` stays true, as the metadata has always said: a parameter of type `any` may then
 * receive an Excel data type (an entity, a formatted number) as such.
 */
import { CATALOG, paramHelp, type FunctionSpec, type Lang, type ParamKind } from '../core/index.js';

export type Dimensionality = 'scalar' | 'matrix';

export interface ParameterMetadata {
  readonly name: string;
  readonly description: string;
  readonly type: 'any';
  readonly dimensionality: Dimensionality;
  readonly optional: boolean;
}

/** What Excel passes a function beyond its arguments: the invocation's `address` and `parameterAddresses`. */
export interface FunctionOptions {
  readonly requiresAddress: true;
  readonly requiresParameterAddresses: true;
}

export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly ParameterMetadata[];
  readonly result: { readonly dimensionality: Dimensionality };
  readonly options: FunctionOptions;
}

/** Every function's options: where it is called from and where its arguments are, for messages naming sheet cells. */
const FUNCTION_OPTIONS: FunctionOptions = { requiresAddress: true, requiresParameterAddresses: true };

export interface FunctionsMetadata {
  readonly allowCustomDataForDataTypeAny: boolean;
  readonly functions: readonly FunctionMetadata[];
}

/** The file each language's metadata is served as (manifest.xml names both). */
export const METADATA_FILES: Readonly<Record<Lang, string>> = { en: 'functions.json', vi: 'functions-vi.json' };

/** How Excel passes each kind of parameter: a 2-D array for ranges, matrices and lists, else a single value. */
export const DIMENSIONALITY: Readonly<Record<ParamKind, Dimensionality>> = {
  range: 'matrix',
  matrix: 'matrix',
  list: 'matrix',
  number: 'scalar',
  date: 'scalar',
  text: 'scalar',
  lang: 'scalar',
};

/** Custom function ids and names: a letter, then letters, digits, `_` and `.`; 3 to 64 characters. */
const FUNCTION_ID = /^[A-Za-z][A-Za-z0-9_.]{2,63}$/;
/** Parameter names as Excel's IntelliSense shows them: a letter, then letters, digits and `_`; up to 64. */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Text as one line: Excel shows descriptions in a tooltip, line breaks and all. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Fails on a catalog Excel would not load: a bad or repeated function id, a bad or repeated parameter name. */
export function checkCatalog(catalog: readonly FunctionSpec[]): void {
  const ids = new Set<string>();
  for (const spec of catalog) {
    if (!FUNCTION_ID.test(spec.name)) {
      throw new Error(`catalog function name ${JSON.stringify(spec.name)} cannot be an Excel custom function id`);
    }
    // Excel compares ids without case.
    if (ids.has(spec.name.toUpperCase())) throw new Error(`catalog function ${spec.name} appears twice`);
    ids.add(spec.name.toUpperCase());
    const names = new Set<string>();
    for (const p of spec.params) {
      if (!PARAMETER_NAME.test(p.name)) {
        throw new Error(`${spec.name}: parameter name ${JSON.stringify(p.name)} cannot be an Excel parameter name`);
      }
      if (names.has(p.name)) throw new Error(`${spec.name}: parameter ${p.name} appears twice`);
      names.add(p.name);
    }
  }
}

function functionMetadata(spec: FunctionSpec, lang: Lang): FunctionMetadata {
  return {
    id: spec.name,
    name: spec.name,
    description: oneLine(spec.summary[lang]),
    parameters: spec.params.map((p) => ({
      name: p.name,
      description: oneLine(paramHelp(p, lang)),
      type: 'any',
      dimensionality: DIMENSIONALITY[p.kind],
      optional: p.optional,
    })),
    result: { dimensionality: 'matrix' },
    options: FUNCTION_OPTIONS,
  };
}

/** The metadata of every catalog function, described in `lang`. */
export function functionsMetadata(lang: Lang, catalog: readonly FunctionSpec[] = CATALOG): FunctionsMetadata {
  checkCatalog(catalog);
  return { allowCustomDataForDataTypeAny: true, functions: catalog.map((spec) => functionMetadata(spec, lang)) };
}

/** functions.json and functions-vi.json: file name → text. */
export function metadataFiles(catalog: readonly FunctionSpec[] = CATALOG): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [lang, file] of Object.entries(METADATA_FILES) as [Lang, string][]) {
    files[file] = `${JSON.stringify(functionsMetadata(lang, catalog), null, 2)}\n`;
  }
  return files;
}
