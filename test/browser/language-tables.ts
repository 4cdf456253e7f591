/**
 * The words of each language, collected from the text tables themselves (the playground page's, the panel's, the
 * labels, the engine's messages and order-line texts, the formula problems, the methods' and functions' catalog
 * text, the Excel task pane's reference), and the check that a page's text holds none of the other language's words.
 *
 * A table entry is cut at its `{placeholders}` into fragments; a fragment counts when it has a word of three letters
 * or more, is not a proper name, and appears in no entry of the other language (`Name box` is kept in brackets in
 * Vietnamese on purpose; `YYYY-MM-DD`, `k-means`, `XLSX` are the same in both). A fragment is found in a page text
 * only as whole words, case sensitive.
 */
import { TEXT as PANE_TEXT } from '../../addin/reference.js';
import { CATALOG, METHODS } from '../../core/catalog/index.js';
import { paramHelp } from '../../core/catalog/help.js';
import { LINES_TEXT } from '../../core/engine/lines-text.js';
import { PANEL_MESSAGES } from '../../core/engine/messages.js';
import { ERROR_MESSAGES } from '../../core/errors.js';
import { LABELS, type Lang } from '../../core/labels.js';
import { OPERATOR_TEXT, STRINGS } from '../../panel/i18n.js';
import { FORMULA_SYNTAX_TEXT } from '../../playground/ui/formula-syntax.js';
import { UI_TEXT } from '../../playground/ui/i18n.js';
import { DOCK_TEXT } from '../../playground/ui/PanelDock.js';
import { CHART_TEXT } from '../../panel/chart/chart-text.js';
import { PROFILE_WORDS } from '../../core/engine/cluster-profile.js';
import { THRESHOLD_NAMES } from '../../core/engine/details-view.js';
import { SUMMARY_TEXT } from '../../core/engine/summary-sheet.js';

type Entry = Readonly<Record<Lang, string>>;

/** Names that read the same in either language. */
export const PROPER_NAMES: readonly string[] = [
  'SegmentKit',
  'RFM',
  'ABC',
  'BCG',
  'XYZ',
  'k-means',
  'Excel',
  'Pareto',
  'XLSX',
  'CSV',
  'TXT',
  'Google Sheets',
  'silhouette',
  'z-score',
];

/** Every text entry, named `table.key`, from the tables a user can meet in the playground. */
export function textEntries(): ReadonlyMap<string, Entry> {
  const entries = new Map<string, Entry>();
  const add = (table: string, values: Readonly<Record<string, Entry>>): void => {
    for (const [key, entry] of Object.entries(values)) entries.set(`${table}.${key}`, entry);
  };
  add('playground', UI_TEXT);
  add('formulaSyntax', FORMULA_SYNTAX_TEXT);
  add('panel', STRINGS);
  add('operator', OPERATOR_TEXT);
  add('labels', LABELS);
  add('panelMessages', PANEL_MESSAGES);
  add('linesText', LINES_TEXT);
  add('errors', ERROR_MESSAGES);
  add('dock', DOCK_TEXT);
  add('chart', CHART_TEXT);
  add('profile', PROFILE_WORDS);
  add('thresholds', THRESHOLD_NAMES);
  add('summarySheet', SUMMARY_TEXT);
  for (const method of METHODS) {
    entries.set(`method.${method.id}.name`, method.name);
    entries.set(`method.${method.id}.about`, method.about);
    for (const column of method.columns) entries.set(`method.${method.id}.column.${column.role}`, column.label);
    for (const option of method.options) {
      entries.set(`method.${method.id}.option.${option.param}`, option.label);
      if (option.blank) entries.set(`method.${method.id}.option.${option.param}.blank`, option.blank);
    }
  }
  // The Excel task pane's function reference: its texts, and the steps of its "how to use".
  for (const [key, en] of Object.entries(PANE_TEXT.en)) {
    const vi: unknown = PANE_TEXT.vi[key as keyof typeof PANE_TEXT.vi];
    if (typeof en === 'string' && typeof vi === 'string') entries.set(`pane.${key}`, { en, vi });
  }
  PANE_TEXT.en.steps.forEach((step, i) => {
    const vi = PANE_TEXT.vi.steps[i];
    if (vi) entries.set(`pane.steps.${i}`, { en: step.text, vi: vi.text });
  });
  for (const spec of CATALOG) {
    entries.set(`function.${spec.name}.summary`, spec.summary);
    for (const p of spec.params) {
      entries.set(`function.${spec.name}.${p.name}`, { en: paramHelp(p, 'en'), vi: paramHelp(p, 'vi') });
    }
  }
  return entries;
}

export interface Fragment {
  /** The words looked for. */
  readonly text: string;
  /** The entries it comes from. */
  readonly keys: readonly string[];
}

const PLACEHOLDER = /\{\w+\}/;
const EDGES = /^[\s.,:;!?()[\]“”"'…→←·×=≥≤<>/%+\-—–]+|[\s.,:;!?()[\]“”"'…→←·×=≥≤<>/%+\-—–]+$/g;
const WORD = /\p{L}{3,}/u;

/** The fragments of a text between its placeholders, trimmed of punctuation. */
export function fragmentsOf(template: string): string[] {
  return template
    .split(PLACEHOLDER)
    .map((part) => part.replace(EDGES, ''))
    .filter((part) => WORD.test(part));
}

function isProperName(fragment: string): boolean {
  let rest = fragment;
  for (const name of PROPER_NAMES) rest = rest.split(name).join(' ');
  return !WORD.test(rest);
}

/** The fragments of `lang`'s entries that mean this language is on screen (see the file's comment). */
export function languageFragments(lang: Lang, entries = textEntries()): Fragment[] {
  const other: Lang = lang === 'en' ? 'vi' : 'en';
  const otherTexts = [...entries.values()].map((entry) => entry[other]);
  const found = new Map<string, string[]>();
  for (const [key, entry] of entries) {
    if (entry[lang] === entry[other]) continue;
    for (const fragment of fragmentsOf(entry[lang])) {
      if (isProperName(fragment)) continue;
      if (otherTexts.some((text) => text.includes(fragment))) continue;
      found.set(fragment, [...(found.get(fragment) ?? []), key]);
    }
  }
  return [...found].map(([text, keys]) => ({ text, keys }));
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Finding {
  readonly fragment: string;
  readonly keys: readonly string[];
  /** The piece of page text it was found in. */
  readonly where: string;
}

/** The fragments found, as whole words, in the page's texts. */
export function findFragments(texts: readonly string[], fragments: readonly Fragment[]): Finding[] {
  const findings: Finding[] = [];
  for (const fragment of fragments) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(fragment.text)}(?![\\p{L}\\p{N}])`, 'u');
    const where = texts.find((text) => pattern.test(text));
    if (where !== undefined)
      findings.push({ fragment: fragment.text, keys: fragment.keys, where: where.slice(0, 200) });
  }
  return findings;
}
