/** What a run ended with, as the user reads it in the language on show: the panel's own errors translated. */
import { PanelError } from '../../core/engine/messages.js';
import { countText } from '../../core/engine/lines-text.js';
import type { Lang } from '../../core/labels.js';
import { text } from '../i18n.js';
import type { Outcome } from './reducer.js';

/** An error as the user reads it: the panel's own errors in the user's language, others as they came. */
export function errorText(error: unknown, lang: Lang): string {
  return PanelError.from(error)?.messageIn(lang) ?? (error instanceof Error ? error.message : String(error));
}

/** The message line of an outcome; undefined for an apply, which the apply step shows in full. */
export function outcomeText(outcome: Outcome, lang: Lang): string | undefined {
  switch (outcome.kind) {
    case 'error':
      return errorText(outcome.error, lang);
    case 'warning':
    case 'notice':
      return text(outcome.key, lang);
    case 'converted':
      return text('converted', lang, { n: countText(outcome.cells, lang), target: outcome.target });
    case 'applied':
      return undefined;
  }
}
