/**
 * The custom-function wrappers of Code.js, generated from the catalog as text (a bundler would strip the
 * comments). Sheets lists a function in autocomplete and shows its argument help only when it is a top-level
 * `function NAME(a, b)` declaration with real parameter names and a JSDoc block carrying `@customfunction`.
 *
 * Optional parameters: Google documents no optional marker for the Sheets formula help, which shows each
 * `@param`'s name and description. So the name stays exactly the declared parameter (a bracketed
 * `[name]` could stop matching the declaration), the type gets JSDoc's optional `=` suffix (used by the
 * Apps Script editor), and the description starts with `[ OPTIONAL ]`, as Sheets' own functions show it.
 */
import {
  paramHelp as catalogParamHelp,
  type FunctionSpec,
  type ParamKind,
  type ParamSpec,
  type ResultKind,
} from '../core/index.js';

/** The one global the bundle defines; every wrapper calls `SegmentKit.run`. */
export const GLOBAL_NAME = 'SegmentKit';
export const OPTIONAL_MARK = '[ OPTIONAL ]';

const TYPES: Record<ParamKind, string> = {
  range: 'any[][]',
  matrix: 'any[][]',
  list: 'number[][]',
  number: 'number',
  date: 'Date|string',
  text: 'string',
  lang: 'string',
};

const RETURNS: Record<ResultKind, { type: string; text: string }> = {
  perCell: { type: 'any[][]', text: 'One answer per input cell, in the shape of the input.' },
  perRow: { type: 'any[][]', text: 'One answer per row of the input, as a column.' },
  table: { type: 'any[][]', text: 'A table with a header row.' },
  scalar: { type: 'number', text: 'One value.' },
};

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if implements import in instanceof interface let new null package private protected public return ' +
    'static super switch this throw true try typeof var void while with yield await arguments eval undefined NaN Infinity'
  ).split(' '),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Apps Script hides functions whose name ends with `_`; Sheets function names are letters, digits and `_`. */
const FUNCTION_NAME = /^[A-Z][A-Z0-9_]*[A-Z0-9]$/;

/** One line of JSDoc text: no line breaks, no comment end, no `@` that could start a tag. */
export function jsdocText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\*\//g, '* /').replace(/@/g, '\uFF20');
}

export function paramType(param: ParamSpec): string {
  const type = TYPES[param.kind];
  if (!param.optional) return type;
  return type.includes('|') ? `(${type})=` : `${type}=`;
}

/** A parameter's `@param` text: its English help with its limits and default, marked when optional. */
export function paramHelp(param: ParamSpec): string {
  const help = jsdocText(catalogParamHelp(param, 'en'));
  return param.optional ? `${OPTIONAL_MARK} ${help}` : help;
}

/** Fails the build on a name Sheets or JavaScript would not accept as a custom function or parameter. */
export function checkSpec(spec: FunctionSpec): void {
  if (!FUNCTION_NAME.test(spec.name) || spec.name === GLOBAL_NAME) {
    throw new Error(`catalog function name ${JSON.stringify(spec.name)} cannot be a Sheets custom function`);
  }
  const seen = new Set<string>();
  for (const p of spec.params) {
    if (!IDENTIFIER.test(p.name) || RESERVED.has(p.name) || p.name === GLOBAL_NAME) {
      throw new Error(`${spec.name}: parameter name ${JSON.stringify(p.name)} is not a usable JavaScript name`);
    }
    if (seen.has(p.name)) throw new Error(`${spec.name}: parameter ${p.name} appears twice`);
    seen.add(p.name);
  }
}

/** The JSDoc block and declaration of one custom function. */
export function customFunctionSource(spec: FunctionSpec): string {
  checkSpec(spec);
  const lines = ['/**', ` * ${jsdocText(spec.summary.en)}`, ' *'];
  for (const p of spec.params) lines.push(` * @param {${paramType(p)}} ${p.name} ${paramHelp(p)}`);
  const ret = RETURNS[spec.result];
  lines.push(` * @return {${ret.type}} ${ret.text}`, ' * @customfunction', ' */');
  lines.push(`function ${spec.name}(${spec.params.map((p) => p.name).join(', ')}) {`);
  lines.push(`  return ${GLOBAL_NAME}.run(${JSON.stringify(spec.name)}, arguments);`);
  lines.push('}');
  return lines.join('\n');
}

/** Every catalog function's wrapper, in catalog order. */
export function customFunctionsSource(catalog: readonly FunctionSpec[]): string {
  const names = new Set<string>();
  for (const spec of catalog) {
    if (names.has(spec.name)) throw new Error(`catalog function ${spec.name} appears twice`);
    names.add(spec.name);
  }
  return catalog.map(customFunctionSource).join('\n\n') + '\n';
}
