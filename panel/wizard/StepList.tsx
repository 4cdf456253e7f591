/** The five steps as buttons: the current one marked, the ones after the table step off until a table is found. */
import type { ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import { text, type TextKey } from '../i18n.js';
import { STEPS, type Step } from './reducer.js';

const STEP_TEXT: Record<Step, TextKey> = {
  range: 'stepRange',
  method: 'stepMethod',
  columns: 'stepColumns',
  preview: 'stepPreview',
  apply: 'stepApply',
};

export interface StepListProps {
  readonly step: Step;
  readonly lang: Lang;
  readonly hasTable: boolean;
  readonly busy: boolean;
  /** Going to the preview step previews the choices on show. */
  readonly onStep: (step: Step) => void;
}

export function StepList({ step, lang, hasTable, busy, onStep }: StepListProps): ReactElement {
  const index = STEPS.indexOf(step);
  return (
    <ol className="sk-steps" aria-label={text('steps', lang)}>
      {STEPS.map((s, i) => (
        <li key={s} className={s === step ? 'sk-current' : i < index ? 'sk-done' : ''}>
          <button
            type="button"
            disabled={busy || (i > 0 && !hasTable)}
            aria-current={s === step ? 'step' : undefined}
            onClick={() => onStep(s)}
          >
            {text(STEP_TEXT[s], lang)}
          </button>
        </li>
      ))}
    </ol>
  );
}
