/** What the page tells the user after an import: what was found, or why the file could not be opened. */
import type { Lang } from '../../core/labels.js';
import { ImportError, type ImportSummary } from '../io/import.js';
import { countOf, uiText } from './i18n.js';

export interface ImportMessage {
  readonly title: string;
  readonly body: string;
  readonly intent: 'success' | 'warning';
}

const FIRST_VALUE_CHARS = 40;

/** `Semicolon-separated, 12 columns, 4,906 rows` (plus the columns kept as text). */
export function describeImport(summary: ImportSummary, lang: Lang): string {
  const parts = [
    uiText(summary.format, lang),
    countOf(summary.columns, 'column', lang),
    countOf(summary.rows, 'row', lang),
  ];
  if (summary.idColumns.length > 0) parts.push(uiText('idColumns', lang, { names: summary.idColumns.join(', ') }));
  return parts.join(', ');
}

/** The toast for a file opened as the given sheets (their names as added to the workbook). */
export function importedMessage(
  fileName: string,
  sheets: readonly { readonly name: string; readonly summary: ImportSummary }[],
  lang: Lang,
): ImportMessage {
  const [only] = sheets;
  if (sheets.length === 1 && only && only.summary.format === 'single') {
    const first = only.summary.firstValue ?? '';
    return {
      title: uiText('oneColumnTitle', lang, { file: fileName }),
      body: uiText('oneColumnBody', lang, {
        rows: countOf(only.summary.rows + (only.summary.headerRow ? 1 : 0), 'row', lang),
        first: first.length > FIRST_VALUE_CHARS ? `${first.slice(0, FIRST_VALUE_CHARS)}…` : first,
      }),
      intent: 'warning',
    };
  }
  const body =
    sheets.length === 1 && only
      ? describeImport(only.summary, lang)
      : sheets.map((sheet) => `${sheet.name}: ${describeImport(sheet.summary, lang)}`).join('; ');
  return { title: uiText('imported', lang, { file: fileName }), body, intent: 'success' };
}

/** Why a file could not be opened, in the user's language. */
export function importFailure(error: unknown, lang: Lang): string {
  if (error instanceof ImportError) {
    return uiText(error.problem, lang, { file: error.fileName, detail: error.detail ?? '' });
  }
  return error instanceof Error ? error.message : String(error);
}
