/** Back and Next (on the columns step: Preview), kept in view at the bottom of the panel. */
import { Button } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import { text } from '../i18n.js';
import { STEPS, type Step } from './reducer.js';

export interface PanelFooterProps {
  readonly step: Step;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly canNext: boolean;
  readonly onStep: (step: Step) => void;
  readonly onPreview: () => void;
}

export function PanelFooter({ step, lang, busy, canNext, onStep, onPreview }: PanelFooterProps): ReactElement {
  const index = STEPS.indexOf(step);
  const previous = STEPS[index - 1];
  const next = STEPS[index + 1];
  return (
    <div className="sk-footer">
      {previous && (
        <Button onClick={() => onStep(previous)} disabled={busy}>
          {text('back', lang)}
        </Button>
      )}
      {step === 'columns' ? (
        <Button appearance="primary" data-testid="preview" disabled={busy} onClick={onPreview}>
          {text('previewButton', lang)}
        </Button>
      ) : (
        next && (
          <Button appearance="primary" data-testid="next" disabled={!canNext || busy} onClick={() => onStep(next)}>
            {text('next', lang)}
          </Button>
        )
      )}
    </div>
  );
}
