/** The message of the last run (an error, a warning or a notice), worded in the language on show. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Lang } from '../../core/labels.js';
import { outcomeText } from './outcome-text.js';
import type { Outcome } from './reducer.js';

export function RunMessage({
  outcome,
  lang,
}: {
  readonly outcome?: Outcome;
  readonly lang: Lang;
}): ReactElement | null {
  if (!outcome) return null;
  const message = outcomeText(outcome, lang);
  if (message === undefined) return null;
  const error = outcome.kind === 'error';
  return (
    <MessageBar
      intent={error ? 'error' : outcome.kind === 'warning' ? 'warning' : 'success'}
      layout="multiline"
      data-testid={error ? 'error' : 'notice'}
    >
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
